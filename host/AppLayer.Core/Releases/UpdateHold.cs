namespace AppLayer.Core.Releases;

/// <summary>
/// An update an installation rolled back: the host does not offer that version to it again until a manager releases
/// the hold (<see cref="ReleasedAt"/> set). <see cref="RollbackReportId"/> is the site's rolled-back report.
/// </summary>
public sealed record UpdateHold(
    long InstallationId,
    string Installation,
    long CustomerId,
    string PackageId,
    string Version,
    string RollbackReportId,
    DateTimeOffset RolledBackAt,
    string Message)
{
    public DateTimeOffset? ReleasedAt { get; init; }

    public string? ReleasedBy { get; init; }

    public string? Reason { get; init; }
}
