using System.Globalization;
using System.Text;
using System.Text.Json;
using AppLayer.Core.Agreements;
using AppLayer.Core.Customers;
using AppLayer.Core.ServiceDesk;
using AppLayer.Core.ServiceDesk.Calendar;
using AppLayer.Core.ServiceDesk.Work;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace AppLayer.Core.Billing;

/// <summary>
/// The monthly statement of one customer in CZK: covered work at no charge; chargeable work
/// rounded up per the agreement in force that day, paid first from the month's included hours
/// (pro rata per day of each version), the rest at that day's rate; out-of-hours and coverage
/// surcharges; VAT 21 % on the total without VAT, to the haléř.
/// A month is issued once it has ended: numbered, stored with its bytes and never recomputed; what a later change
/// (a backdated amendment, time added or changed) would alter in an issued month becomes correction lines in the
/// next statement issued (<see cref="StatementCorrections"/>).
/// </summary>
public sealed class StatementService(
    ServiceDeskDirectory directory,
    IWorkStore work,
    IStatementStore statements,
    TimeProvider time,
    ILogger<StatementService> logger)
{
    public const decimal VatRate = 0.21m;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <returns>The month's statement: as issued when it is, else as it would be issued now (with its corrections).</returns>
    public async Task<StatementDto> BuildAsync(string customerCode, string? month, CancellationToken cancellationToken)
    {
        var customer = await directory.CustomerAsync(customerCode, cancellationToken);
        var period = ParseMonth(month);
        if (await statements.NumberAsync(customer.Id, MonthText(period), cancellationToken) is { } number)
        {
            return JsonSerializer.Deserialize<StatementDto>((await statements.BytesAsync(number, "json", cancellationToken))!, Json)!;
        }

        var (statement, _) = await ComposeAsync(customer, period, cancellationToken);
        return statement;
    }

    /// <returns>The month's statement in <paramref name="format"/>: the stored bytes when it is issued.</returns>
    public async Task<StatementDocument> DocumentAsync(string customerCode, string? month, string? format, CancellationToken cancellationToken)
    {
        var kind = Format(format);
        var customer = await directory.CustomerAsync(customerCode, cancellationToken);
        var period = ParseMonth(month);
        if (await statements.NumberAsync(customer.Id, MonthText(period), cancellationToken) is { } number)
        {
            return await ShowAsync(number, kind, cancellationToken);
        }

        var (statement, _) = await ComposeAsync(customer, period, cancellationToken);
        return new StatementDocument(Render(statement, kind), ContentType(kind), null);
    }

    /// <returns>Issued statement <paramref name="number"/> in <paramref name="format"/>, byte for byte as issued.</returns>
    /// <exception cref="NotFoundException">No statement has that number.</exception>
    public async Task<StatementDocument> ShowAsync(string number, string? format, CancellationToken cancellationToken)
    {
        var kind = Format(format);
        var bytes = await statements.BytesAsync(number.Trim(), kind, cancellationToken)
            ?? throw new NotFoundException($"Statement '{number}' does not exist.");
        StatementLog.Served(logger, number, kind, bytes.Length);
        return new StatementDocument(bytes, ContentType(kind), number.Trim());
    }

    /// <returns>The customer's issued statements, by month.</returns>
    public async Task<IReadOnlyList<IssuedStatementDto>> ListAsync(string customerCode, CancellationToken cancellationToken)
    {
        var customer = await directory.CustomerAsync(customerCode, cancellationToken);
        return [.. (await statements.ListAsync(customer.Id, cancellationToken))
            .Select(s => new IssuedStatementDto(s.Number, customer.Code, s.Month, s.IssuedAt, s.Net, s.Vat, s.Total))];
    }

    /// <summary>Issues the customer's month: its lines and the corrections of earlier issued months, numbered and stored.</summary>
    /// <exception cref="ConflictException">The month is issued already, or has not ended yet (nothing stored).</exception>
    public async Task<StatementDto> IssueAsync(string customerCode, string? month, CancellationToken cancellationToken)
    {
        var customer = await directory.CustomerAsync(customerCode, cancellationToken);
        var period = ParseMonth(month);
        var text = MonthText(period);
        StatementLog.Issuing(logger, customer.Code, text);
        try
        {
            var now = time.GetUtcNow();
            var zone = DateTimeZoneProviders.Tzdb[CoverageCalendar.DefaultZoneId];
            var end = period.OnDayOfMonth(1).PlusMonths(1).AtStartOfDayInZone(zone);
            if (Instant.FromDateTimeOffset(now) < end.ToInstant())
            {
                throw new ConflictException($"{text} has not ended yet; it can be issued from {end.Date:yyyy-MM-dd} 00:00 ({zone.Id}).");
            }

            if (await statements.NumberAsync(customer.Id, text, cancellationToken) is { } issued)
            {
                throw new ConflictException($"{text} of {customer.Code} is issued already as statement {issued}; later changes go into the next statement as corrections.");
            }

            var (draft, lines) = await ComposeAsync(customer, period, cancellationToken);
            var year = Instant.FromDateTimeOffset(now).InZone(zone).Year;
            var stored = await statements.IssueAsync(customer.Id, text, year, now, number =>
            {
                var statement = draft with { Number = number, IssuedAt = now };
                return new RenderedStatement(statement, lines, Render(statement, "json"), Render(statement, "html"), Render(statement, "csv"));
            }, cancellationToken);
            foreach (var line in lines.Where(l => l.CorrectsStatementId is not null))
            {
                StatementLog.Correction(logger, customer.Code, text, line.Value.Corrects!, line.CorrectsLine, line.Key, line.Value.Amount);
            }

            StatementLog.Issued(
                logger, stored.Number, customer.Code, text, lines.Count, lines.Count(l => l.CorrectsStatementId is not null), stored.Net, stored.Total,
                (await statements.BytesAsync(stored.Number, "html", cancellationToken))!.Length,
                (await statements.BytesAsync(stored.Number, "csv", cancellationToken))!.Length);
            return draft with { Number = stored.Number, IssuedAt = now };
        }
        catch (UserException ex)
        {
            StatementLog.Refused(logger, customer.Code, text, ex.Message);
            throw;
        }
    }

    public static YearMonth ParseMonth(string? text)
    {
        var result = NodaTime.Text.YearMonthPattern.Iso.Parse(text?.Trim() ?? string.Empty);
        return result.Success && result.Value.Year is >= 2000 and <= 2100
            ? result.Value
            : throw new UserException($"Month '{text}' is not a month like 2026-10.");
    }

    public static decimal Money(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>A statement's totals from its lines: net the sum of the lines, VAT on the net, to the haléř.</summary>
    public static StatementDto Totals(StatementDto statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var net = statement.Lines.Sum(l => l.Amount);
        var vat = Money(net * VatRate);
        return statement with { Net = net, VatRate = VatRate, Vat = vat, Total = net + vat };
    }

    /// <summary>The month's own lines, keyed, as the agreement versions and time entries stand now.</summary>
    internal async Task<(StatementDto Statement, IReadOnlyList<IssuedLine> Lines)> MonthAsync(Customer customer, YearMonth period, CancellationToken cancellationToken)
    {
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
        var lines = new List<IssuedLine>();
        var covered = 0;
        void Add(string key, StatementLineDto line) => lines.Add(new IssuedLine(lines.Count + 1, key, line));
        var quotes = (await work.ListQuotesAsync(customer.Id, cancellationToken)).Where(q => q.IsApproved).ToDictionary(q => q.WorkItemId);
        var capLeft = new Dictionary<long, decimal>();
        foreach (var entry in await work.ListTimeAsync(customer.Id, from, to, cancellationToken))
        {
            var local = Instant.FromDateTimeOffset(entry.StartedAt).InZone(zone);
            var date = new DateOnly(local.Year, local.Month, local.Day);
            var terms = On(local.Date)?.Terms ?? AgreementTerms.Default;
            var description = $"{KebabNames.Of(entry.Kind)}, {entry.Worker}: {entry.Note}".TrimEnd(' ', ':');
            var key = string.Create(CultureInfo.InvariantCulture, $"time:{entry.Id}");
            if (!entry.Chargeable)
            {
                covered += entry.Minutes;
                Add(key, new StatementLineDto(date, entry.Reference, description, "covered", entry.Minutes, 0, 0, 0m, 0m));
                continue;
            }

            if (entry.WorkItemId is { } itemId && quotes.TryGetValue(itemId, out var quote))
            {
                if (quote.Basis == QuoteBasis.Fixed)
                {
                    Add(key, new StatementLineDto(date, entry.Reference, $"{description} (fixed price, quote {quote.Id})", "quoted", entry.Minutes, 0, 0, 0m, 0m));
                    continue;
                }

                if (!capLeft.TryGetValue(itemId, out var left0))
                {
                    left0 = quote.Cap!.Value - await QuotedBeforeAsync(itemId, from, On, zone, cancellationToken);
                }

                var quotedMinutes = RoundUp(entry.Minutes, terms.RoundingMinutes);
                var quotedRate = terms.Rate(entry.Kind);
                var full = Money(quotedMinutes * quotedRate / 60m);
                var charged = Math.Max(0m, Math.Min(full, left0));
                capLeft[itemId] = left0 - charged;
                var capped = charged < full ? $"; capped at {quote.Cap:0.00} CZK, quote {quote.Id}" : $"; estimate, quote {quote.Id}";
                Add(key, new StatementLineDto(date, entry.Reference, description + capped, charged < full ? "capped" : "quoted", entry.Minutes, quotedMinutes, 0, quotedRate, charged));
                continue;
            }

            var billed = RoundUp(entry.Minutes, terms.RoundingMinutes);
            var fromIncluded = Math.Min(left, billed);
            left -= fromIncluded;
            var rate = terms.Rate(entry.Kind);
            var amount = Money((billed - fromIncluded) * rate / 60m);
            Add(key, new StatementLineDto(date, entry.Reference, description, amount == 0 ? "included" : "billable", entry.Minutes, billed, fromIncluded, rate, amount));
            if (amount > 0 && terms.OutOfHoursSurchargePercent > 0 && !terms.Calendar().IsCovered(Instant.FromDateTimeOffset(entry.StartedAt)))
            {
                Add(
                    string.Create(CultureInfo.InvariantCulture, $"out-of-hours:{entry.Id}"),
                    new StatementLineDto(date, entry.Reference, $"out-of-hours surcharge {terms.OutOfHoursSurchargePercent} %", "surcharge", 0, 0, 0, 0m, Money(amount * terms.OutOfHoursSurchargePercent / 100m)));
            }
        }

        foreach (var quote in quotes.Values.Where(q => q.Basis == QuoteBasis.Fixed && q.ApprovedAt >= from && q.ApprovedAt < to))
        {
            var approved = Instant.FromDateTimeOffset(quote.ApprovedAt!.Value).InZone(zone);
            var feature = await work.FindItemAsync(quote.WorkItemId, cancellationToken);
            Add(
                string.Create(CultureInfo.InvariantCulture, $"quote:{quote.Id}"),
                new StatementLineDto(new DateOnly(approved.Year, approved.Month, approved.Day), feature?.Reference ?? $"F-{quote.WorkItemId}", $"fixed price per quote {quote.Id}, approved by {quote.ApprovedBy}: {feature?.Title}".TrimEnd(' ', ':'), "fixed-price", 0, 0, 0, quote.Price, quote.Price));
        }

        foreach (var (key, line) in CoverageSurcharges(first, next, days, On))
        {
            Add(key, line);
        }

        var statement = Totals(new StatementDto(customer.Code, customer.Name, MonthText(period), [.. lines.Select(l => l.Value)], covered, included, included - left, 0m, VatRate, 0m, 0m));
        return (statement, lines);
    }

    /// <summary>What an estimate's time before <paramref name="before"/> came to (time × rate, without the cap), against which its cap is spent.</summary>
    private async Task<decimal> QuotedBeforeAsync(long itemId, DateTimeOffset before, Func<LocalDate, ServiceAgreement?> on, DateTimeZone zone, CancellationToken cancellationToken)
    {
        var sum = 0m;
        foreach (var entry in await work.ListItemTimeAsync(itemId, before, cancellationToken))
        {
            var terms = on(Instant.FromDateTimeOffset(entry.StartedAt).InZone(zone).Date)?.Terms ?? AgreementTerms.Default;
            sum += Money(RoundUp(entry.Minutes, terms.RoundingMinutes) * terms.Rate(entry.Kind) / 60m);
        }

        return sum;
    }

    private static string MonthText(YearMonth period) => period.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Format(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "json" => "json",
        "html" => "html",
        "csv" => "csv",
        _ => throw new UserException($"Format '{format}' is not one of: json, html, csv."),
    };

    private static string ContentType(string kind) => kind switch
    {
        "html" => "text/html; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        _ => "application/json; charset=utf-8",
    };

    private static byte[] Render(StatementDto statement, string kind) => kind switch
    {
        "html" => Encoding.UTF8.GetBytes(StatementFormats.Html(statement)),
        "csv" => Encoding.UTF8.GetBytes(StatementFormats.Csv(statement)),
        _ => JsonSerializer.SerializeToUtf8Bytes(statement, Json),
    };

    private static int RoundUp(int minutes, int step) => step <= 1 ? minutes : (minutes + step - 1) / step * step;

    /// <summary>The month's lines and, after them, the corrections of the customer's issued months before it.</summary>
    private async Task<(StatementDto Statement, IReadOnlyList<IssuedLine> Lines)> ComposeAsync(Customer customer, YearMonth period, CancellationToken cancellationToken)
    {
        var (statement, lines) = await MonthAsync(customer, period, cancellationToken);
        var issued = await statements.ListAsync(customer.Id, cancellationToken);
        var corrections = new List<IssuedLine>();
        foreach (var earlier in issued.Where(s => string.CompareOrdinal(s.Month, statement.Month) < 0))
        {
            var (_, now) = await MonthAsync(customer, ParseMonth(earlier.Month), cancellationToken);
            corrections.AddRange(StatementCorrections.Of(earlier, issued, now));
        }

        if (corrections.Count == 0)
        {
            return (statement, lines);
        }

        var all = lines.Concat(corrections.Select((c, i) => c with { Line = lines.Count + i + 1 })).ToList();
        return (Totals(statement with { Lines = [.. all.Select(l => l.Value)] }), all);
    }

    /// <summary>Extended coverage: each version's monthly surcharge for the days it is in force.</summary>
    private static List<(string Key, StatementLineDto Line)> CoverageSurcharges(LocalDate first, LocalDate next, int days, Func<LocalDate, ServiceAgreement?> on)
    {
        var yields = new List<(string, StatementLineDto)>();
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
                yields.Add((
                    string.Create(CultureInfo.InvariantCulture, $"coverage:v{a.Agreement.Version}:{start:yyyy-MM-dd}"),
                    new StatementLineDto(new DateOnly(start.Year, start.Month, start.Day), $"agreement v{a.Agreement.Version}", $"{AgreementTermsMapper.ToDto(a.Terms).Coverage} coverage surcharge {range} ({share}/{days} of {a.Terms.CoverageSurcharge:0.00} CZK)", "surcharge", 0, 0, 0, a.Terms.CoverageSurcharge, amount)));
            }

            start = end;
        }

        return yields;
    }
}
