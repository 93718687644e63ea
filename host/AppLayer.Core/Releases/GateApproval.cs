namespace AppLayer.Core.Releases;

/// <summary>A manager's approval of a gated update for one installation, on the strength of one successful rehearsal.</summary>
public sealed record GateApproval(long InstallationId, string PackageId, string Version, string RehearsalReportId, DateTimeOffset ApprovedAt, string ApprovedBy);
