using System.Globalization;
using Microsoft.Data.Sqlite;

namespace AppLayer.Site.DemoIs;

/// <summary>The demo IS's rows: a machine works in Vysočina with its invoices and staff, January 2024.</summary>
internal static class DemoIsData
{
    private static readonly (string Number, string Name, string Type)[] Accounts =
    [
        ("211", "Pokladna", "A"),
        ("221", "Bankovní účty", "A"),
        ("311", "Odběratelé", "A"),
        ("321", "Dodavatelé", "P"),
        ("331", "Zaměstnanci", "P"),
        ("336", "Zúčtování s institucemi sociálního zabezpečení a zdravotního pojištění", "P"),
        ("342", "Ostatní přímé daně", "P"),
        ("343", "Daň z přidané hodnoty", "P"),
        ("501", "Spotřeba materiálu", "N"),
        ("502", "Spotřeba energie", "N"),
        ("504", "Prodané zboží", "N"),
        ("518", "Ostatní služby", "N"),
        ("521", "Mzdové náklady", "N"),
        ("524", "Zákonné sociální a zdravotní pojištění", "N"),
        ("602", "Tržby z prodeje služeb", "V"),
        ("604", "Tržby za zboží", "V"),
    ];

    private static readonly (string Category, int Rate, string From, string? To)[] VatRates =
    [
        ("standard", 20, "2012-01-01", "2012-12-31"),
        ("reduced1", 14, "2012-01-01", "2012-12-31"),
        ("standard", 21, "2013-01-01", null),
        ("reduced1", 15, "2013-01-01", null),
        ("reduced2", 10, "2015-01-01", null),
    ];

    private static readonly DemoInvoice[] Invoices =
    [
        new("FV-2023-0412", "issued", "Pekařství U Mlýna s.r.o.", "27082440", "2023-12-05", "2023-12-05",
        [
            new("Stravovací služby – vánoční večírek", "602", 18_450.00m, "reduced1", 15),
            new("Nealkoholické nápoje", "604", 2_300.00m, "standard", 21),
        ]),
        new("FV-2023-0431", "issued", "Knihkupectví Dobrovský s.r.o.", "28156129", "2023-12-20", "2023-12-20",
        [
            new("Odborné publikace", "604", 1_234.56m, "reduced2", 10),
            new("Servis pokladního systému", "602", 25_000.00m, "standard", 21),
        ]),
        new("FP-2023-0977", "received", "ČEZ Prodej, a.s.", "27232433", "2023-12-31", "2023-12-31",
        [
            new("Elektřina 12/2023", "502", 6_780.00m, "standard", 21),
        ]),

        // Issued in January 2024 for a supply in December 2023: the supply date decides, so 15 % stays.
        new("FV-2024-0001", "issued", "Hotel Zlatá Hvězda a.s.", "45193410", "2024-01-05", "2023-12-29",
        [
            new("Ubytování 27.–29. 12. 2023", "602", 8_000.00m, "reduced1", 15),
        ]),

        // Entered in January 2024 with the old reduced rates: the consolidation package moves them to 12 %.
        new("FV-2024-0007", "issued", "Hotel Zlatá Hvězda a.s.", "45193410", "2024-01-10", "2024-01-10",
        [
            new("Ubytování 8.–10. 1. 2024", "602", 12_345.67m, "reduced1", 15),
            new("Pronájem sálu", "602", 5_000.00m, "standard", 21),
        ]),
        new("FV-2024-0012", "issued", "Městská knihovna Jihlava", "00090719", "2024-01-15", "2024-01-15",
        [
            new("Knihy – dětská literatura", "604", 999.99m, "reduced2", 10),
            new("Noviny a časopisy", "604", 450.00m, "reduced2", 10),
        ]),
        new("FV-2024-0019", "issued", "Stavby Horák s.r.o.", "26975262", "2024-01-31", "2024-01-31",
        [
            new("Stavební dozor", "602", 40_000.00m, "standard", 21),
        ]),
        new("FP-2024-0015", "received", "Teplárna Jihlava, a.s.", "60838744", "2024-01-20", "2024-01-20",
        [
            new("Dodávka tepla 1/2024", "502", 9_500.00m, "reduced2", 10),
        ]),
        new("FP-2024-0021", "received", "Papírnictví Novák", "73598259", "2024-01-22", "2024-01-22",
        [
            new("Kancelářský papír A4", "501", 1_890.00m, "standard", 21),
        ]),
    ];

    private static readonly (string Number, string Name, decimal SalaryCzk, decimal WeeklyHours, bool FullTime, string From, string? To)[] Employees =
    [
        ("0001", "Jana Nováková", 42_000m, 40m, true, "2015-03-01", null),
        ("0002", "Petr Svoboda", 19_500m, 40m, true, "2022-09-01", null),
        ("0003", "Lucie Dvořáková", 20_000m, 37.5m, true, "2023-02-01", null),
        ("0004", "Tomáš Černý", 11_000m, 20m, false, "2023-06-01", null),
        ("0005", "Marie Procházková", 20_800m, 40m, true, "2024-01-01", null),
        ("0006", "Karel Veselý", 18_900m, 40m, true, "2021-01-01", "2024-06-30"),
        ("0007", "Eva Kučerová", 35_500m, 40m, true, "2019-05-01", null),
    ];

    private static readonly (string Name, string Value, string Unit, string From, string? To)[] PayrollParameters =
    [
        ("minimum_wage_monthly", "17300.00", "CZK", "2023-01-01", "2023-12-31"),
        ("minimum_wage_hourly", "103.80", "CZK", "2023-01-01", "2023-12-31"),
        ("minimum_wage_monthly", "18900.00", "CZK", "2024-01-01", null),
        ("minimum_wage_hourly", "112.50", "CZK", "2024-01-01", null),
        ("standard_weekly_hours", "40", "hour", "2001-01-01", null),
    ];

    public static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string isVersion, string company, CancellationToken cancellationToken)
    {
        foreach (var (key, value) in new[] { ("is_version", isVersion), ("company", company), ("modules", "accounting,payroll") })
        {
            await SiteSql.ExecuteAsync(connection, transaction, "INSERT INTO is_info (key, value) VALUES ($key, $value)", cancellationToken, ("$key", key), ("$value", value));
        }

        foreach (var (number, name, type) in Accounts)
        {
            await SiteSql.ExecuteAsync(connection, transaction, "INSERT INTO accounts (number, name, type) VALUES ($number, $name, $type)", cancellationToken, ("$number", number), ("$name", name), ("$type", type));
        }

        foreach (var (category, rate, from, to) in VatRates)
        {
            await SiteSql.ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO vat_rates (category, rate_percent, valid_from, valid_to) VALUES ($category, $rate, $from, $to)",
                cancellationToken,
                ("$category", category),
                ("$rate", rate),
                ("$from", from),
                ("$to", to));
        }

        foreach (var invoice in Invoices)
        {
            await InsertInvoiceAsync(connection, transaction, invoice, cancellationToken);
        }

        foreach (var (number, name, salary, hours, fullTime, from, to) in Employees)
        {
            await SiteSql.ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO employees (personal_number, name, monthly_salary_h, weekly_hours, full_time, employed_from, employed_to) VALUES ($number, $name, $salary, $hours, $fullTime, $from, $to)",
                cancellationToken,
                ("$number", number),
                ("$name", name),
                ("$salary", Haler(salary)),
                ("$hours", hours),
                ("$fullTime", fullTime ? 1 : 0),
                ("$from", from),
                ("$to", to));
        }

        foreach (var (name, value, unit, from, to) in PayrollParameters)
        {
            await SiteSql.ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO payroll_parameters (name, value, unit, valid_from, valid_to) VALUES ($name, $value, $unit, $from, $to)",
                cancellationToken,
                ("$name", name),
                ("$value", value),
                ("$unit", unit),
                ("$from", from),
                ("$to", to));
        }
    }

    private static async Task InsertInvoiceAsync(SqliteConnection connection, SqliteTransaction transaction, DemoInvoice invoice, CancellationToken cancellationToken)
    {
        var lines = invoice.Lines.Select(line => (Line: line, Net: Haler(line.NetCzk), Vat: VatHaler(Haler(line.NetCzk), line.Rate))).ToList();
        var net = lines.Sum(l => l.Net);
        var vat = lines.Sum(l => l.Vat);

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO invoices (number, direction, partner, partner_ico, issue_date, taxable_supply_date, total_net_h, total_vat_h, total_gross_h)
            VALUES ($number, $direction, $partner, $ico, $issued, $supplied, $net, $vat, $gross)
            RETURNING id
            """;
        command.Parameters.AddWithValue("$number", invoice.Number);
        command.Parameters.AddWithValue("$direction", invoice.Direction);
        command.Parameters.AddWithValue("$partner", invoice.Partner);
        command.Parameters.AddWithValue("$ico", invoice.PartnerIco);
        command.Parameters.AddWithValue("$issued", invoice.IssueDate);
        command.Parameters.AddWithValue("$supplied", invoice.TaxableSupplyDate);
        command.Parameters.AddWithValue("$net", net);
        command.Parameters.AddWithValue("$vat", vat);
        command.Parameters.AddWithValue("$gross", net + vat);
        var invoiceId = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

        var lineNo = 0;
        foreach (var (line, lineNet, lineVat) in lines)
        {
            lineNo++;
            await SiteSql.ExecuteAsync(
                connection,
                transaction,
                """
                INSERT INTO invoice_lines (invoice_id, line_no, description, account, net_h, vat_category, vat_rate_percent, vat_h)
                VALUES ($invoice, $lineNo, $description, $account, $net, $category, $rate, $vat)
                """,
                cancellationToken,
                ("$invoice", invoiceId),
                ("$lineNo", lineNo),
                ("$description", line.Description),
                ("$account", line.Account),
                ("$net", lineNet),
                ("$category", line.Category),
                ("$rate", line.Rate),
                ("$vat", lineVat));
        }
    }

    /// <summary>CZK to haléře; the demo's amounts have at most two decimals.</summary>
    private static long Haler(decimal czk) => decimal.ToInt64(czk * 100m);

    /// <summary>VAT of one line, rounded half away from zero to whole haléře.</summary>
    private static long VatHaler(long netHaler, int ratePercent) =>
        decimal.ToInt64(Math.Round(netHaler * (decimal)ratePercent / 100m, 0, MidpointRounding.AwayFromZero));

    private sealed record DemoInvoice(string Number, string Direction, string Partner, string PartnerIco, string IssueDate, string TaxableSupplyDate, IReadOnlyList<DemoLine> Lines);

    private sealed record DemoLine(string Description, string Account, decimal NetCzk, string Category, int Rate);
}
