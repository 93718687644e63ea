namespace AppLayer.Protocol.Api;

// The system software inventory a site reports, and how the host judges it against vendor support end dates.

/// <summary>One piece of system software at a site: <c>debian</c> 12, <c>dotnet</c> 10.0.0, <c>sqlite</c> 3.46.1, ...</summary>
public sealed record InventoryItemDto(string Component, string Version, string Description);

/// <summary>What <c>applayer site check</c> sends to <c>POST /api/site/inventory</c>; <see cref="ReportId"/> is the idempotency key.</summary>
public sealed record InventoryReportDto(string ReportId, DateTimeOffset At, IReadOnlyList<InventoryItemDto> Items);

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
