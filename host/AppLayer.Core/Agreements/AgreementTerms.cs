using AppLayer.Core.ServiceDesk.Calendar;

namespace AppLayer.Core.Agreements;

/// <summary>
/// What an agreement promises and what it costs: coverage (and its monthly surcharge), SLA
/// targets per priority, hourly rates per kind of work (CZK without VAT), customer-support hours
/// included each month, the estimate above which a quote must be approved first, the rounding
/// of billed time, and the surcharge on billable work done outside the covered hours.
/// </summary>
public sealed record AgreementTerms(
    Coverage Coverage,
    decimal CoverageSurcharge,
    IReadOnlyDictionary<Priority, SlaTarget> Targets,
    IReadOnlyDictionary<WorkKind, decimal> Rates,
    int IncludedMinutes,
    int QuoteThresholdMinutes,
    int RoundingMinutes,
    int OutOfHoursSurchargePercent)
{
    public static AgreementTerms Default { get; } = new(
        Coverage.BusinessHours,
        0m,
        new Dictionary<Priority, SlaTarget>
        {
            [Priority.Urgent] = new(60, 480),
            [Priority.High] = new(240, 1020),
            [Priority.Normal] = new(510, 2550),
            [Priority.Low] = new(1020, 5100),
        },
        new Dictionary<WorkKind, decimal>
        {
            [WorkKind.Support] = 1200m,
            [WorkKind.Consultation] = 1200m,
            [WorkKind.DataFix] = 1400m,
            [WorkKind.Development] = 1600m,
        },
        0,
        16 * 60,
        15,
        50);

    public SlaTarget Target(Priority priority) =>
        Targets.TryGetValue(priority, out var target) ? target : Default.Targets[priority];

    public decimal Rate(WorkKind kind) => Rates.TryGetValue(kind, out var rate) ? rate : Default.Rates[kind];

    public CoverageCalendar Calendar() => CoverageCalendar.For(Coverage);
}
