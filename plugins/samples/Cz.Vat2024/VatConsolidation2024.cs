using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AppLayer.Sdk;

namespace Cz.Vat2024;

/// <summary>
/// Act No. 349/2023 Coll. (the consolidation package): from 1 January 2024 the two reduced VAT
/// rates, 15 % and 10 %, are one reduced rate of 12 %. The rate table gets the new rate; lines of
/// documents whose taxable supply date is on or after 2024-01-01 but were entered with 15 % or 10 %
/// move to 12 % with their VAT and the document totals recomputed. Earlier documents keep their rates.
/// </summary>
public sealed class VatConsolidation2024 : IUpdate
{
    private const string EffectiveDate = "2024-01-01";
    private const string LastDayOfOldRates = "2023-12-31";
    private const int NewRate = 12;
    private const string NewCategory = "reduced1";

    private const string LinesToMoveCount = """
        SELECT COUNT(*) FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
        WHERE i.taxable_supply_date >= $from AND l.vat_rate_percent IN (15, 10)
        """;

    private static readonly (string Table, string[] Columns)[] RequiredSchema =
    [
        ("vat_rates", ["category", "rate_percent", "valid_from", "valid_to"]),
        ("invoices", ["id", "number", "taxable_supply_date", "total_net_h", "total_vat_h", "total_gross_h"]),
        ("invoice_lines", ["id", "invoice_id", "net_h", "vat_category", "vat_rate_percent", "vat_h"]),
    ];

    private string? _earlierDocuments;

    public async Task<StepResult> PreflightAsync(IUpdateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (table, columns) in RequiredSchema)
        {
            if (await SchemaCheck.MissingColumnsAsync(context, table, columns, cancellationToken) is { Count: > 0 } missing)
            {
                return StepResult.Fail($"table {table} lacks {string.Join(", ", missing)}; this is not the IS schema this update was written for.");
            }
        }

        if (await context.CountAsync("SELECT COUNT(*) FROM vat_rates WHERE rate_percent = $rate AND valid_from = $from", cancellationToken, ("$rate", NewRate), ("$from", EffectiveDate)) > 0)
        {
            return StepResult.Fail("the 12 % rate from 2024-01-01 is already in vat_rates: this update has already been applied.");
        }

        var open = await context.CountAsync(
            "SELECT COUNT(*) FROM vat_rates WHERE category IN ('reduced1', 'reduced2') AND rate_percent IN (15, 10) AND (valid_to IS NULL OR valid_to >= $from)",
            cancellationToken,
            ("$from", EffectiveDate));
        if (open != 2)
        {
            return StepResult.Fail($"expected the reduced rates 15 % and 10 % to be valid on 2024-01-01, found {open} such rows in vat_rates.");
        }

        _earlierDocuments = await FingerprintEarlierDocumentsAsync(context, cancellationToken);
        var toMove = await context.CountAsync(LinesToMoveCount, cancellationToken, ("$from", EffectiveDate));
        return StepResult.Ok($"{toMove} line(s) with a taxable supply from 2024-01-01 at 15 % or 10 % will move to 12 %");
    }

    public async Task ApplyAsync(IUpdateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.ExecuteAsync(
            "UPDATE vat_rates SET valid_to = $last WHERE category IN ('reduced1', 'reduced2') AND rate_percent IN (15, 10) AND (valid_to IS NULL OR valid_to >= $from)",
            cancellationToken,
            ("$last", LastDayOfOldRates),
            ("$from", EffectiveDate));
        await context.ExecuteAsync(
            "INSERT INTO vat_rates (category, rate_percent, valid_from, valid_to) VALUES ($category, $rate, $from, NULL)",
            cancellationToken,
            ("$category", NewCategory),
            ("$rate", NewRate),
            ("$from", EffectiveDate));
        context.Log.Info("vat_rates: 15 % and 10 % end on 2023-12-31; 12 % from 2024-01-01");

        var lines = new List<(long Id, long InvoiceId, long Net, string Number)>();
        await using (var command = context.Command(
            """
            SELECT l.id, l.invoice_id, l.net_h, i.number
            FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
            WHERE i.taxable_supply_date >= $from AND l.vat_rate_percent IN (15, 10)
            ORDER BY l.id
            """,
            ("$from", EffectiveDate)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                lines.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3)));
            }
        }

        foreach (var line in lines)
        {
            await context.ExecuteAsync(
                "UPDATE invoice_lines SET vat_category = $category, vat_rate_percent = $rate, vat_h = $vat WHERE id = $id",
                cancellationToken,
                ("$category", NewCategory),
                ("$rate", NewRate),
                ("$vat", Vat.Haler(line.Net, NewRate)),
                ("$id", line.Id));
        }

        foreach (var invoiceId in lines.Select(l => l.InvoiceId).Distinct())
        {
            await context.ExecuteAsync(
                """
                UPDATE invoices SET
                    total_net_h = (SELECT COALESCE(SUM(net_h), 0) FROM invoice_lines WHERE invoice_id = $id),
                    total_vat_h = (SELECT COALESCE(SUM(vat_h), 0) FROM invoice_lines WHERE invoice_id = $id)
                WHERE id = $id;
                UPDATE invoices SET total_gross_h = total_net_h + total_vat_h WHERE id = $id;
                """,
                cancellationToken,
                ("$id", invoiceId));
        }

        var documents = lines.Select(l => l.Number).Distinct().ToList();
        context.Log.Info(documents.Count == 0
            ? "no document with a taxable supply from 2024-01-01 used 15 % or 10 %"
            : $"{lines.Count} line(s) moved to 12 % and totals recomputed on {documents.Count} document(s): {string.Join(", ", documents)}");
    }

    public async Task<StepResult> VerifyAsync(IUpdateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stillOld = await context.CountAsync(LinesToMoveCount, cancellationToken, ("$from", EffectiveDate));
        if (stillOld > 0)
        {
            return StepResult.Fail($"{stillOld} line(s) with a taxable supply from 2024-01-01 still have 15 % or 10 %.");
        }

        var openOld = await context.CountAsync(
            "SELECT COUNT(*) FROM vat_rates WHERE rate_percent IN (15, 10) AND (valid_to IS NULL OR valid_to >= $from)",
            cancellationToken,
            ("$from", EffectiveDate));
        var newRate = await context.CountAsync(
            "SELECT COUNT(*) FROM vat_rates WHERE category = $category AND rate_percent = $rate AND valid_from = $from AND valid_to IS NULL",
            cancellationToken,
            ("$category", NewCategory),
            ("$rate", NewRate),
            ("$from", EffectiveDate));
        if (openOld > 0 || newRate != 1)
        {
            return StepResult.Fail($"vat_rates is not as the law says from 2024-01-01: {openOld} row(s) of 15 %/10 % still valid, {newRate} row(s) of 12 %.");
        }

        var wrongVat = new List<long>();
        await using (var command = context.Command(
            "SELECT l.id, l.net_h, l.vat_h FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id WHERE i.taxable_supply_date >= $from AND l.vat_rate_percent = $rate",
            ("$from", EffectiveDate),
            ("$rate", NewRate)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetInt64(2) != Vat.Haler(reader.GetInt64(1), NewRate))
                {
                    wrongVat.Add(reader.GetInt64(0));
                }
            }
        }

        if (wrongVat.Count > 0)
        {
            return StepResult.Fail($"the VAT of invoice line(s) {string.Join(", ", wrongVat)} is not 12 % of their net amount.");
        }

        if (_earlierDocuments is null)
        {
            return StepResult.Fail("preflight has not recorded the documents dated before 2024-01-01, so their being unchanged cannot be proven.");
        }

        if (await FingerprintEarlierDocumentsAsync(context, cancellationToken) != _earlierDocuments)
        {
            return StepResult.Fail("documents with a taxable supply before 2024-01-01 changed; they must keep their rates and amounts.");
        }

        var inconsistent = await context.CountAsync(
            """
            SELECT COUNT(*) FROM invoices i
            WHERE i.total_net_h != (SELECT COALESCE(SUM(net_h), 0) FROM invoice_lines WHERE invoice_id = i.id)
               OR i.total_vat_h != (SELECT COALESCE(SUM(vat_h), 0) FROM invoice_lines WHERE invoice_id = i.id)
               OR i.total_gross_h != i.total_net_h + i.total_vat_h
            """,
            cancellationToken);
        if (inconsistent > 0)
        {
            return StepResult.Fail($"the totals of {inconsistent} invoice(s) do not add up to their lines.");
        }

        return StepResult.Ok("no line from 2024-01-01 has 15 % or 10 %, earlier documents unchanged, all invoice totals add up");
    }

    /// <summary>A digest of every line and total of documents supplied before 2024-01-01.</summary>
    private static async Task<string> FingerprintEarlierDocumentsAsync(IUpdateContext context, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        await using var command = context.Command(
            """
            SELECT i.id, i.total_net_h, i.total_vat_h, i.total_gross_h, l.id, l.net_h, l.vat_category, l.vat_rate_percent, l.vat_h
            FROM invoices i LEFT JOIN invoice_lines l ON l.invoice_id = i.id
            WHERE i.taxable_supply_date < $from
            ORDER BY i.id, l.id
            """,
            ("$from", EffectiveDate));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                text.Append(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
            }

            text.Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
