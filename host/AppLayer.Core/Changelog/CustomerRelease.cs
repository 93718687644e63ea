namespace AppLayer.Core.Changelog;

/// <summary>A release as one customer sees it: only the updates its installations applied.</summary>
public sealed record CustomerRelease(string Name, DateTimeOffset CreatedAt, IReadOnlyList<AppliedUpdate> Updates);
