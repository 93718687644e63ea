namespace AppLayer.Protocol.Api;

// Legal changes and their work-item endpoints (see docs/api.md).

/// <summary>
/// A new legal change. <see cref="Reference"/> and <see cref="References"/> together give its legal
/// references (the first is its name). With <see cref="Merge"/>, a change whose reference is recorded
/// already in the jurisdiction is merged into that one instead of being refused.
/// </summary>
public sealed record CreateLegalChangeRequest(
    string Reference,
    string Title,
    string Jurisdiction,
    string Area,
    DateOnly EffectiveDate,
    IReadOnlyList<string> Modules,
    IReadOnlyList<string>? References = null,
    string? SourceUrl = null,
    DateOnly? AnnouncedOn = null,
    DateOnly? TransitionEndsOn = null,
    string? Assignee = null,
    bool Merge = false);

public sealed record LegalChangeDto(
    long Id,
    string Reference,
    string Title,
    string Jurisdiction,
    string Area,
    DateOnly EffectiveDate,
    IReadOnlyList<string> Modules,
    IReadOnlyList<string> References,
    string Status,
    string? StatusReason,
    string? SourceUrl,
    DateOnly? AnnouncedOn,
    DateOnly? TransitionEndsOn,
    string? Assignee,
    string? ExternalId,
    IReadOnlyList<LinkedPackageDto> Packages,
    DateTimeOffset RecordedAt,
    DateTimeOffset UpdatedAt);

/// <summary>An update package serving a legal change: linked by its manifest's legal references or explicitly.</summary>
public sealed record LinkedPackageDto(string Id, string Link);

/// <summary>
/// Changes to a legal change; <c>null</c> leaves a field as it is. <see cref="Clear"/> names optional
/// fields to empty: <c>source</c>, <c>announced</c>, <c>transition-end</c>, <c>assignee</c>.
/// </summary>
public sealed record UpdateLegalChangeRequest(
    string? Title = null,
    IReadOnlyList<string>? References = null,
    string? Jurisdiction = null,
    string? Area = null,
    string? SourceUrl = null,
    DateOnly? AnnouncedOn = null,
    DateOnly? EffectiveDate = null,
    DateOnly? TransitionEndsOn = null,
    IReadOnlyList<string>? Modules = null,
    string? Assignee = null,
    IReadOnlyList<string>? Clear = null);

public sealed record SetLegalChangeStatusRequest(string Status, string? Reason = null);

public sealed record LinkPackageRequest(string PackageId);

/// <summary>One line of a legal change's audit trail.</summary>
public sealed record LegalChangeAuditDto(DateTimeOffset At, string Actor, string Field, string? From, string? To);

/// <summary>A legal change from another system (a GitHub issue): created once, updated on every later import.</summary>
public sealed record ImportLegalChangeRequest(string ExternalId, CreateLegalChangeRequest Change);

/// <summary><c>created</c>, <c>updated</c>, <c>unchanged</c> or <c>merged</c> (into a change with the same reference).</summary>
public sealed record ImportedLegalChangeDto(string Outcome, LegalChangeDto Change);
