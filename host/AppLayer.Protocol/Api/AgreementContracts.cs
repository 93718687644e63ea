namespace AppLayer.Protocol.Api;

// A customer's agreement: its services and modules, and its terms (service hours, rates, targets). Money is CZK
// without VAT unless named.

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

/// <summary>Agreement terms; anything left <c>null</c> takes the default (business hours, standard rates and targets).</summary>
public sealed record AgreementTermsDto(
    string? Coverage = null,
    decimal? CoverageSurcharge = null,
    IReadOnlyDictionary<string, SlaTargetDto>? Targets = null,
    IReadOnlyDictionary<string, decimal>? Rates = null,
    decimal? IncludedHours = null,
    decimal? QuoteThresholdHours = null,
    int? RoundingMinutes = null,
    int? OutOfHoursSurchargePercent = null);

public sealed record SlaTargetDto(int ResponseMinutes, int ResolutionMinutes);
