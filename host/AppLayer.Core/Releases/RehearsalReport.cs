namespace AppLayer.Core.Releases;

/// <summary>A site's rehearsal of one update on a copy of its IS database.</summary>
public sealed record RehearsalReport(
    long InstallationId,
    string ReportId,
    string PackageId,
    string Version,
    bool Succeeded,
    string Message,
    string? Sha512,
    DateTimeOffset At);
