namespace AppLayer.Protocol.Api;

// The system layer's bodies: the software inventory a site reports, vendor support end dates,
// release gates with their rehearsal reports and approvals.

/// <summary>One piece of system software at a site: <c>debian</c> 12, <c>dotnet</c> 10.0.0, <c>sqlite</c> 3.46.1, ...</summary>
public sealed record InventoryItemDto(string Component, string Version, string Description);

/// <summary>What <c>applayer site check</c> sends to <c>POST /api/site/inventory</c>; <see cref="ReportId"/> is the idempotency key.</summary>
public sealed record InventoryReportDto(string ReportId, DateTimeOffset At, IReadOnlyList<InventoryItemDto> Items);

/// <summary>
/// A component's release cycle (<c>dotnet</c> <c>8</c>, <c>debian</c> <c>12</c>, <c>postgresql</c> <c>16</c>) and the day
/// its vendor's support ends (the last supported day); <c>null</c>: no announced end.
/// </summary>
public sealed record SupportDateDto(string Component, string Cycle, string Name, DateOnly? EndsOn, DateTimeOffset? UpdatedAt, string? UpdatedBy);

/// <summary>Sets a cycle's end of support (<c>PUT /api/support-dates/{component}/{cycle}</c>); without a date: no announced end.</summary>
public sealed record SetSupportDateRequest(DateOnly? EndsOn, string? Name = null);

/// <summary>
/// One component of an installation with its support: <c>supported</c>, <c>ending-soon</c> (ends within the warning
/// window), <c>unsupported</c> (the end date is past), <c>unknown</c> (the component is tracked, this cycle is not) or
/// <c>untracked</c> (no support dates for the component at all).
/// </summary>
public sealed record InventoryComponentDto(
    string Component,
    string Version,
    string Description,
    string? Cycle,
    DateOnly? SupportEndsOn,
    int? DaysLeft,
    string Support);

/// <summary>An installation's last reported inventory, judged on <see cref="At"/>; <see cref="Support"/> is its worst component's.</summary>
public sealed record InstallationInventoryDto(
    string Installation,
    string Customer,
    DateTimeOffset? ReportedAt,
    DateOnly At,
    int WithinDays,
    string Support,
    IReadOnlyList<InventoryComponentDto> Components);

/// <summary>Marks a package version as gated: sites may only rehearse it until a manager approves it for them.</summary>
public sealed record GateReleaseRequest(string PackageId, string Version);

/// <summary>What a site reports after it rehearsed a gated update on a copy of its IS database; <see cref="ReportId"/> is the idempotency key.</summary>
public sealed record RehearsalReportDto(string ReportId, string PackageId, string Version, bool Succeeded, string Message, string? Sha512, DateTimeOffset At);

/// <summary>One installation entitled to a gated update: its last rehearsal and the approval, if any.</summary>
public sealed record GateInstallationDto(string Installation, string Customer, RehearsalReportDto? LastRehearsal, DateTimeOffset? ApprovedAt, string? ApprovedBy);

public sealed record ReleaseGateDto(string PackageId, string Version, DateTimeOffset GatedAt, string GatedBy, IReadOnlyList<GateInstallationDto> Installations);

/// <summary>Approves a gated update for one installation, or with <see cref="AllRehearsed"/> for every one whose last rehearsal succeeded.</summary>
public sealed record ApproveReleaseRequest(string? Installation, bool AllRehearsed = false);

/// <summary>What <c>GET /api/site/gates/{id}/{version}</c> tells a site right before it applies.</summary>
public sealed record SiteGateDto(string PackageId, string Version, bool Gated, bool Approved);
