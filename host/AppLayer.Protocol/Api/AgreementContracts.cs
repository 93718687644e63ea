namespace AppLayer.Protocol.Api;

// A customer's agreement: its services and modules, and its terms (service hours, rates, targets). Money is CZK
// without VAT unless named.

public sealed record AgreementDto(
    IReadOnlyList<string> Services,
    IReadOnlyList<string> Modules,
    int Version,
    AgreementTermsDto? Terms = null,
    DateOnly? EffectiveFrom = null,
    int? SupersededBy = null,
    IReadOnlyList<int>? Supersedes = null);

/// <summary>
/// A new version of the agreement; without terms the defaults apply, without a date it takes effect today. Versions in
/// force from the day it takes effect or later must be named: <see cref="Supersedes"/> (they no longer apply) or
/// <see cref="Keeps"/> (they still apply from their own day, which ends this one); a version effective the same day is
/// replaced without naming it only while that day has not passed.
/// </summary>
public sealed record SetAgreementRequest(
    IReadOnlyList<string> Services,
    IReadOnlyList<string> Modules,
    AgreementTermsDto? Terms = null,
    DateOnly? EffectiveFrom = null,
    IReadOnlyList<int>? Supersedes = null,
    IReadOnlyList<int>? Keeps = null);

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
