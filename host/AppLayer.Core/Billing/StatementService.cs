using System.Globalization;
using AppLayer.Core.Agreements;
using AppLayer.Core.ServiceDesk;
using AppLayer.Core.ServiceDesk.Calendar;
using AppLayer.Core.ServiceDesk.Work;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using NodaTime;

namespace AppLayer.Core.Billing;

/// <summary>
/// The monthly statement of one customer in CZK: covered work at no charge; chargeable work
/// rounded up per the agreement in force that day, paid first from the month's included hours
/// (pro rata per day of each version), the rest at that day's rate; out-of-hours and coverage
/// surcharges; VAT 21 % on the total without VAT, to the haléř.
/// </summary>
public sealed class StatementService(ServiceDeskDirectory directory, IWorkStore work)
{
    public const decimal VatRate = 0.21m;

    public async Task<StatementDto> BuildAsync(string customerCode, string? month, CancellationToken cancellationToken)
    {
        var customer = await directory.CustomerAsync(customerCode, cancellationToken);
        var period = ParseMonth(month);
        var zone = DateTimeZoneProviders.Tzdb[CoverageCalendar.DefaultZoneId];
        var first = period.OnDayOfMonth(1);
        var next = first.PlusMonths(1);
        var from = first.AtStartOfDayInZone(zone).ToDateTimeOffset();
        var to = next.AtStartOfDayInZone(zone).ToDateTimeOffset();
        var history = await directory.HistoryAsync(customer, cancellationToken);
        var days = period.Calendar.GetDaysInMonth(period.Year, period.Month);

        ServiceAgreement? On(LocalDate day) => history.On(new DateOnly(day.Year, day.Month, day.Day));

        var includedExact = 0m;
        for (var day = first; day < next; day = day.PlusDays(1))
        {
            includedExact += (On(day)?.Terms.IncludedMinutes ?? 0) / (decimal)days;
        }

        var included = (int)decimal.Floor(includedExact);
        var left = included;
        var lines = new List<StatementLineDto>();
        var covered = 0;
        foreach (var entry in await work.ListTimeAsync(customer.Id, from, to, cancellationToken))
        {
            var local = Instant.FromDateTimeOffset(entry.StartedAt).InZone(zone);
            var date = new DateOnly(local.Year, local.Month, local.Day);
            var terms = On(local.Date)?.Terms ?? AgreementTerms.Default;
            var description = $"{KebabNames.Of(entry.Kind)}, {entry.Worker}: {entry.Note}".TrimEnd(' ', ':');
            if (!entry.Chargeable)
            {
                covered += entry.Minutes;
                lines.Add(new StatementLineDto(date, entry.Reference, description, "covered", entry.Minutes, 0, 0, 0m, 0m));
                continue;
            }

            var billed = RoundUp(entry.Minutes, terms.RoundingMinutes);
            var fromIncluded = Math.Min(left, billed);
            left -= fromIncluded;
            var rate = terms.Rate(entry.Kind);
            var amount = Money((billed - fromIncluded) * rate / 60m);
            lines.Add(new StatementLineDto(date, entry.Reference, description, amount == 0 ? "included" : "billable", entry.Minutes, billed, fromIncluded, rate, amount));
            if (amount > 0 && terms.OutOfHoursSurchargePercent > 0 && !terms.Calendar().IsCovered(Instant.FromDateTimeOffset(entry.StartedAt)))
            {
                lines.Add(new StatementLineDto(date, entry.Reference, $"out-of-hours surcharge {terms.OutOfHoursSurchargePercent} %", "surcharge", 0, 0, 0, 0m, Money(amount * terms.OutOfHoursSurchargePercent / 100m)));
            }
        }

        lines.AddRange(CoverageSurcharges(first, next, days, On));
        var net = lines.Sum(l => l.Amount);
        var vat = Money(net * VatRate);
        return new StatementDto(customer.Code, customer.Name, period.ToString("yyyy-MM", CultureInfo.InvariantCulture), lines, covered, included, included - left, net, VatRate, vat, net + vat);
    }

    public static YearMonth ParseMonth(string? text)
    {
        var result = NodaTime.Text.YearMonthPattern.Iso.Parse(text?.Trim() ?? string.Empty);
        return result.Success && result.Value.Year is >= 2000 and <= 2100
            ? result.Value
            : throw new UserException($"Month '{text}' is not a month like 2026-10.");
    }

    public static decimal Money(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);

    private static int RoundUp(int minutes, int step) => step <= 1 ? minutes : (minutes + step - 1) / step * step;

    /// <summary>Extended coverage: each version's monthly surcharge for the days it is in force.</summary>
    private static IEnumerable<StatementLineDto> CoverageSurcharges(LocalDate first, LocalDate next, int days, Func<LocalDate, ServiceAgreement?> on)
    {
        var yields = new List<StatementLineDto>();
        var start = first;
        while (start < next)
        {
            var agreement = on(start);
            var end = start.PlusDays(1);
            while (end < next && on(end) == agreement)
            {
                end = end.PlusDays(1);
            }

            if (agreement is { Terms.CoverageSurcharge: > 0 } a)
            {
                var share = Period.Between(start, end, PeriodUnits.Days).Days;
                var amount = Money(a.Terms.CoverageSurcharge * share / days);
                var range = $"{start:dd.MM.}–{end.PlusDays(-1):dd.MM.}";
                yields.Add(new StatementLineDto(new DateOnly(start.Year, start.Month, start.Day), $"agreement v{a.Agreement.Version}", $"{AgreementTermsMapper.ToDto(a.Terms).Coverage} coverage surcharge {range} ({share}/{days} of {a.Terms.CoverageSurcharge:0.00} CZK)", "surcharge", 0, 0, 0, a.Terms.CoverageSurcharge, amount));
            }

            start = end;
        }

        return yields;
    }
}
