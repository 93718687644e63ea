namespace AppLayer.Protocol.Api;

// The JSON API's request and response bodies, shared by the host, the site agent and the CLI.
// Property names serialise camelCase; dates are ISO 8601.

public sealed record CreateCustomerRequest(string Code, string Name);

public sealed record CustomerDto(string Code, string Name, AgreementDto? Agreement, IReadOnlyList<InstallationDto> Installations);

public sealed record AgreementDto(
    IReadOnlyList<string> Services,
    IReadOnlyList<string> Modules,
    int Version,
    AgreementTermsDto? Terms = null,
    DateOnly? EffectiveFrom = null);

/// <summary>A new version of the agreement; without terms the defaults apply, without a date it takes effect today.</summary>
public sealed record SetAgreementRequest(
    IReadOnlyList<string> Services,
    IReadOnlyList<string> Modules,
    AgreementTermsDto? Terms = null,
    DateOnly? EffectiveFrom = null);

public sealed record CreateInstallationRequest(string Code, string Name, string IsVersion, IReadOnlyList<string> Modules, string? TimeZone);

public sealed record InstallationDto(string Code, string Name, string CustomerCode, string IsVersion, IReadOnlyList<string> Modules, string TimeZone);

public sealed record CreatedKeyDto(string Key, string Scope, string? Installation, DateTimeOffset? ExpiresAt)
{
    /// <summary>The customer a contact key belongs to.</summary>
    public string? Customer { get; init; }
}

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

/// <summary>What <c>GET /api/site/me</c> answers to a site key.</summary>
public sealed record SiteIdentityDto(string Installation, string Customer, string IsVersion, IReadOnlyList<string> Modules, string TimeZone);

/// <summary>An update the installation is entitled to, as listed by <c>GET /api/site/updates</c>.</summary>
public sealed record AvailableUpdateDto(
    string Id,
    string Version,
    string Kind,
    string Title,
    string Sha512,
    long Size,
    DateOnly? EffectiveDate,
    IReadOnlyList<string> LegalReferences)
{
    /// <summary><c>rehearse-only</c>: gated, not approved for this installation; <c>approved</c>: gated and approved; <c>null</c>: not gated.</summary>
    public string? Gate { get; init; }
}

/// <summary>
/// What a site reports after it applied (or failed to apply) one update.
/// <see cref="ReportId"/> is the idempotency key: the host stores each report once.
/// </summary>
public sealed record DeploymentReportDto(
    string ReportId,
    string PackageId,
    string Version,
    string Status,
    string Message,
    string? Sha512,
    DateTimeOffset At);

public sealed record HistoryEventDto(
    DateTimeOffset At,
    string Kind,
    string? Installation,
    string Subject,
    string Detail)
{
    /// <summary>The event's id; with <see cref="At"/> it orders the history.</summary>
    public long Id { get; init; }

    public IReadOnlyList<string> Modules { get; init; } = [];

    public IReadOnlyList<string> LegalReferences { get; init; } = [];
}

public sealed record CreateReleaseRequest(string Name, IReadOnlyList<string> Packages);

public sealed record ReleaseDto(string Name, IReadOnlyList<string> Packages, string Notes, DateTimeOffset CreatedAt);
