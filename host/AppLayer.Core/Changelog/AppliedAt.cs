namespace AppLayer.Core.Changelog;

/// <summary>An installation that applied an update, and when (its first successful report).</summary>
public sealed record AppliedAt(string Installation, DateTimeOffset At);
