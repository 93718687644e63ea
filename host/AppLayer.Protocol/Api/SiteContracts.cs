namespace AppLayer.Protocol.Api;

// The site API (/api/site/*): what a site key's installation is, what it may apply, and what it reports back.

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

    /// <summary>
    /// The report id of this installation's rollback of this update whose hold a manager released
    /// (<c>applayer hold release</c>): the site may apply it again. <c>null</c>: no hold was released.
    /// </summary>
    public string? ReleasedHold { get; init; }
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

/// <summary>What <c>GET /api/site/gates/{id}/{version}</c> tells a site right before it applies.</summary>
public sealed record SiteGateDto(string PackageId, string Version, bool Gated, bool Approved);
