namespace AppLayer.Site.Agent;

/// <summary>One row of <c>applayer_history</c>: an update applied to this IS database.</summary>
internal sealed record HistoryEntry(
    string PackageId,
    string Version,
    string Sha512,
    string Kind,
    string Title,
    IReadOnlyList<string> LegalReferences,
    string Message,
    DateTimeOffset AppliedAt,
    string ReportId,
    DateTimeOffset? ReportedAt);
