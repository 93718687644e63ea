using AppLayer.Core.ServiceDesk;
using AppLayer.Core.ServiceDesk.Calendar;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;

namespace AppLayer.Core.Agreements;

/// <summary>Agreement terms between the API's body (hours, names) and the model (minutes, enums), with checks.</summary>
public static class AgreementTermsMapper
{
    public const string BusinessHours = "business-hours";
    public const string AllDay = "24x7";

    public static AgreementTerms FromDto(AgreementTermsDto? dto)
    {
        var terms = AgreementTerms.Default;
        if (dto is null)
        {
            return terms;
        }

        var targets = new Dictionary<Priority, SlaTarget>(terms.Targets);
        foreach (var (name, target) in dto.Targets ?? new Dictionary<string, SlaTargetDto>())
        {
            if (target.ResponseMinutes <= 0 || target.ResolutionMinutes < target.ResponseMinutes)
            {
                throw new UserException($"The targets for '{name}' need a positive response time and a resolution time not shorter than it.");
            }

            targets[KebabNames.Parse<Priority>(name, "Priority")] = new SlaTarget(target.ResponseMinutes, target.ResolutionMinutes);
        }

        var rates = new Dictionary<WorkKind, decimal>(terms.Rates);
        foreach (var (name, rate) in dto.Rates ?? new Dictionary<string, decimal>())
        {
            rates[KebabNames.Parse<WorkKind>(name, "Kind of work")] = NotNegative(rate, $"The rate for '{name}'");
        }

        return terms with
        {
            Coverage = dto.Coverage?.Trim().ToLowerInvariant() switch
            {
                null or "" or BusinessHours => Coverage.BusinessHours,
                AllDay or "24/7" or "24x365" => Coverage.AllDay,
                _ => throw new UserException($"Coverage '{dto.Coverage}' is not one of: {BusinessHours}, {AllDay}."),
            },
            CoverageSurcharge = NotNegative(dto.CoverageSurcharge ?? terms.CoverageSurcharge, "The coverage surcharge"),
            Targets = targets,
            Rates = rates,
            IncludedMinutes = Minutes(dto.IncludedHours, terms.IncludedMinutes, "Included hours"),
            QuoteThresholdMinutes = Minutes(dto.QuoteThresholdHours, terms.QuoteThresholdMinutes, "The quote threshold"),
            RoundingMinutes = dto.RoundingMinutes is { } r and (< 1 or > 60)
                ? throw new UserException("Rounding must be between 1 and 60 minutes.")
                : dto.RoundingMinutes ?? terms.RoundingMinutes,
            OutOfHoursSurchargePercent = dto.OutOfHoursSurchargePercent is { } p and (< 0 or > 500)
                ? throw new UserException("The out-of-hours surcharge must be between 0 and 500 %.")
                : dto.OutOfHoursSurchargePercent ?? terms.OutOfHoursSurchargePercent,
        };
    }

    public static AgreementTermsDto ToDto(AgreementTerms terms) => new(
        terms.Coverage == Coverage.AllDay ? AllDay : BusinessHours,
        terms.CoverageSurcharge,
        terms.Targets.ToDictionary(t => KebabNames.Of(t.Key), t => new SlaTargetDto(t.Value.ResponseMinutes, t.Value.ResolutionMinutes)),
        terms.Rates.ToDictionary(r => KebabNames.Of(r.Key), r => r.Value),
        terms.IncludedMinutes / 60m,
        terms.QuoteThresholdMinutes / 60m,
        terms.RoundingMinutes,
        terms.OutOfHoursSurchargePercent);

    private static decimal NotNegative(decimal value, string what) =>
        value < 0 ? throw new UserException($"{what} may not be negative.") : decimal.Round(value, 2);

    private static int Minutes(decimal? hours, int fallback, string what) => hours switch
    {
        null => fallback,
        < 0 => throw new UserException($"{what} may not be negative."),
        > 10_000 => throw new UserException($"{what} is more than 10,000 hours."),
        { } h => (int)decimal.Round(h * 60),
    };
}
