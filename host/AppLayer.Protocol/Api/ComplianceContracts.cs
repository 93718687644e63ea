namespace AppLayer.Protocol.Api;

// The compliance radar: GET /api/compliance (see docs/api.md).

public sealed record ComplianceReportDto(
    DateOnly At,
    int HorizonDays,
    string? Customer,
    int Applied,
    int Scheduled,
    int Exposed,
    int NotEntitled,
    IReadOnlyList<ComplianceChangeDto> Changes);

/// <summary>
/// One legal change on the radar. <see cref="DaysLeft"/> is negative once the change is in effect;
/// <see cref="Risk"/> is installations exposed × (horizon − days left + 1), 0 when none is exposed.
/// </summary>
public sealed record ComplianceChangeDto(
    long Id,
    string Reference,
    IReadOnlyList<string> References,
    string Title,
    string Jurisdiction,
    DateOnly EffectiveDate,
    DateOnly? TransitionEndsOn,
    string Status,
    int DaysLeft,
    int Risk,
    int Applied,
    int Scheduled,
    int Exposed,
    int NotEntitled,
    IReadOnlyList<ComplianceRowDto> Installations);

/// <summary>
/// One installation's state for one legal change: <c>applied</c>, <c>scheduled</c>, <c>exposed</c> or
/// <c>not-entitled</c>. <see cref="Missing"/> lists the entitled update packages not applied yet.
/// </summary>
public sealed record ComplianceRowDto(
    string Installation,
    string Customer,
    string State,
    bool UpdateAvailable,
    IReadOnlyList<string> Missing,
    DateTimeOffset? AppliedAt);
