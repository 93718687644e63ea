using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace AppLayer.DemoIs;

/// <summary>
/// The demo IS's rows: a machine works in Vysočina with its invoices and staff, January 2024. The rows are
/// the embedded DemoIsData.json, written table by table in its order, each row's keys its columns.
/// </summary>
internal static class DemoIsData
{
    private const string Resource = "AppLayer.DemoIs.DemoIsData.json";

    /// <summary>A key ending so holds CZK; its column (ending <c>_h</c> instead) stores haléře.</summary>
    private const string Czk = "_czk";

    public static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string isVersion, string company, CancellationToken cancellationToken)
    {
        foreach (var (key, value) in new[] { ("is_version", isVersion), ("company", company), ("modules", "accounting,payroll") })
        {
            await InsertAsync(connection, transaction, "is_info", [("key", key), ("value", value)], cancellationToken);
        }

        using var data = await ReadAsync(cancellationToken);
        foreach (var table in data.RootElement.EnumerateObject())
        {
            foreach (var row in table.Value.EnumerateArray())
            {
                if (table.Name == "invoices")
                {
                    await InsertInvoiceAsync(connection, transaction, row, cancellationToken);
                }
                else
                {
                    await InsertAsync(connection, transaction, table.Name, Columns(row), cancellationToken);
                }
            }
        }
    }

    /// <summary>An invoice and its lines: each line's VAT rounded to whole haléře, the invoice's totals their sums.</summary>
    private static async Task InsertInvoiceAsync(SqliteConnection connection, SqliteTransaction transaction, JsonElement invoice, CancellationToken cancellationToken)
    {
        var lines = invoice.GetProperty("lines").EnumerateArray().Select(line =>
        {
            var columns = Columns(line);
            var lineNet = (long)Value(columns, "net_h")!;
            return (Columns: columns, Net: lineNet, Vat: VatHaler(lineNet, Convert.ToInt32(Value(columns, "vat_rate_percent"), CultureInfo.InvariantCulture)));
        }).ToList();
        var net = lines.Sum(l => l.Net);
        var vat = lines.Sum(l => l.Vat);

        var invoiceId = await InsertAsync(
            connection,
            transaction,
            "invoices",
            [.. Columns(invoice, except: "lines"), ("total_net_h", net), ("total_vat_h", vat), ("total_gross_h", net + vat)],
            cancellationToken);

        var lineNo = 0;
        foreach (var (columns, _, lineVat) in lines)
        {
            lineNo++;
            await InsertAsync(connection, transaction, "invoice_lines", [("invoice_id", invoiceId), ("line_no", lineNo), .. columns, ("vat_h", lineVat)], cancellationToken);
        }
    }

    /// <summary>Inserts one row and returns its rowid.</summary>
    private static async Task<long> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string table, IReadOnlyList<(string Column, object? Value)> columns, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // table and column names come from the embedded data; values go through parameters
        command.CommandText = $"""
            INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Column))})
            VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})
            RETURNING rowid
            """;
#pragma warning restore CA2100
        for (var i = 0; i < columns.Count; i++)
        {
            command.Parameters.AddWithValue("$p" + i.ToString(CultureInfo.InvariantCulture), columns[i].Value ?? DBNull.Value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>A row's columns in the order of its keys: text, whole numbers as integers, others as reals, CZK as haléře.</summary>
    private static List<(string Column, object? Value)> Columns(JsonElement row, string? except = null) =>
        row.EnumerateObject().Where(p => p.Name != except).Select(p => p.Name.EndsWith(Czk, StringComparison.Ordinal)
            ? (p.Name[..^Czk.Length] + "_h", (object?)Haler(p.Value.GetDecimal()))
            : (p.Name, p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Number => p.Value.TryGetInt64(out var whole) ? whole : p.Value.GetDouble(),
                JsonValueKind.True => 1L,
                JsonValueKind.False => 0L,
                JsonValueKind.Null => null,
                _ => throw new InvalidOperationException($"The demo IS's {p.Name} is neither text, a number, a boolean nor null."),
            })).ToList();

    private static object? Value(List<(string Column, object? Value)> columns, string column) => columns.Single(c => c.Column == column).Value;

    private static async Task<JsonDocument> ReadAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(DemoIsData).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException("The demo IS's data is not embedded.");
        return await JsonDocument.ParseAsync(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }, cancellationToken);
    }

    /// <summary>CZK to haléře; the demo's amounts have at most two decimals.</summary>
    private static long Haler(decimal czk) => decimal.ToInt64(czk * 100m);

    /// <summary>VAT of one line, rounded half away from zero to whole haléře.</summary>
    private static long VatHaler(long netHaler, int ratePercent) =>
        decimal.ToInt64(Math.Round(netHaler * (decimal)ratePercent / 100m, 0, MidpointRounding.AwayFromZero));
}
