namespace AppLayer.Protocol.Api;

// Release gates: a gated update is only rehearsed until a manager approves it for an installation.

/// <summary>Marks a package version as gated: sites may only rehearse it until a manager approves it for them.</summary>
public sealed record GateReleaseRequest(string PackageId, string Version);

/// <summary>What a site reports after it rehearsed a gated update on a copy of its IS database; <see cref="ReportId"/> is the idempotency key.</summary>
public sealed record RehearsalReportDto(string ReportId, string PackageId, string Version, bool Succeeded, string Message, string? Sha512, DateTimeOffset At);

/// <summary>One installation entitled to a gated update: its last rehearsal and the approval, if any.</summary>
public sealed record GateInstallationDto(string Installation, string Customer, RehearsalReportDto? LastRehearsal, DateTimeOffset? ApprovedAt, string? ApprovedBy);

public sealed record ReleaseGateDto(string PackageId, string Version, DateTimeOffset GatedAt, string GatedBy, IReadOnlyList<GateInstallationDto> Installations);

/// <summary>Approves a gated update for one installation, or with <see cref="AllRehearsed"/> for every one whose last rehearsal succeeded.</summary>
public sealed record ApproveReleaseRequest(string? Installation, bool AllRehearsed = false);
