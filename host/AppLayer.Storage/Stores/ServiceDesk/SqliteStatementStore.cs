using System.Globalization;
using AppLayer.Core.Billing;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using Microsoft.Data.Sqlite;

namespace AppLayer.Storage.Stores.ServiceDesk;

/// <summary>
/// The store of the <c>statements</c> and <c>statement_lines</c> tables (migration 9): a row is written once, when the
/// month is issued, and never updated; the bytes are served as stored.
/// </summary>
internal sealed class SqliteStatementStore(SqliteDatabase database) : IStatementStore
{
    public async Task<IssuedStatement> IssueAsync(
        long customerId, string month, int year, DateTimeOffset issuedAt, Func<string, RenderedStatement> render, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(render);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        // The first write takes the database's write lock, so the number taken below stays this transaction's.
        await connection.ExecuteAsync("UPDATE statements SET id = id WHERE 0;", [], cancellationToken, transaction);
        if (await connection.ScalarAsync<string>(
            "SELECT number FROM statements WHERE customer_id = $customer AND month = $month;",
            [("$customer", customerId), ("$month", month)],
            cancellationToken,
            transaction) is { } existing)
        {
            throw new ConflictException($"{month} is issued already as statement {existing}.");
        }

        var sequence = await connection.ScalarAsync<int>(
            "SELECT COALESCE(MAX(sequence), 0) + 1 FROM statements WHERE year = $year;", [("$year", year)], cancellationToken, transaction);
        var number = string.Create(CultureInfo.InvariantCulture, $"{year}-{sequence:0000}");
        var rendered = render(number);
        var statement = rendered.Statement;
        long id;
        try
        {
            id = (await connection.ScalarAsync<long?>(
                """
                INSERT INTO statements (customer_id, month, year, sequence, number, issued_at, net, vat, total, json, html, csv)
                VALUES ($customer, $month, $year, $sequence, $number, $at, $net, $vat, $total, $json, $html, $csv)
                RETURNING id;
                """,
                [
                    ("$customer", customerId), ("$month", month), ("$year", year), ("$sequence", sequence), ("$number", number),
                    ("$at", Columns.Instant(issuedAt)), ("$net", Money(statement.Net)), ("$vat", Money(statement.Vat)), ("$total", Money(statement.Total)),
                    ("$json", rendered.Json), ("$html", rendered.Html), ("$csv", rendered.Csv),
                ],
                cancellationToken,
                transaction))!.Value;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            throw new ConflictException($"{month} is issued already.", ex);
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO statement_lines (statement_id, line, key, date, reference, description, billing, minutes, billed_minutes, included_minutes, rate, amount, corrects_statement_id, corrects_line)
            VALUES ($statement, $line, $key, $date, $reference, $description, $billing, $minutes, $billed, $included, $rate, $amount, $corrects, $corrects_line);
            """;
        string[] names = ["$statement", "$line", "$key", "$date", "$reference", "$description", "$billing", "$minutes", "$billed", "$included", "$rate", "$amount", "$corrects", "$corrects_line"];
        foreach (var name in names)
        {
            insert.Parameters.Add(new SqliteParameter(name, null));
        }

        insert.Prepare();
        foreach (var line in rendered.Lines)
        {
            var l = line.Value;
            object?[] values = [id, line.Line, line.Key, Columns.Date(l.Date), l.Reference, l.Description, l.Billing, l.Minutes, l.BilledMinutes, l.IncludedMinutes, Money(l.Rate), Money(l.Amount), line.CorrectsStatementId, line.CorrectsLine];
            for (var i = 0; i < values.Length; i++)
            {
                insert.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new IssuedStatement(id, customerId, month, number, issuedAt, statement.Net, statement.Vat, statement.Total, rendered.Lines);
    }

    public async Task<IReadOnlyList<IssuedStatement>> ListAsync(long customerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var lines = (await connection.QueryAsync(
            """
            SELECT l.statement_id, l.line, l.key, l.date, l.reference, l.description, l.billing, l.minutes, l.billed_minutes, l.included_minutes, l.rate, l.amount, l.corrects_statement_id, l.corrects_line,
                   c.number
            FROM statement_lines l JOIN statements s ON s.id = l.statement_id LEFT JOIN statements c ON c.id = l.corrects_statement_id
            WHERE s.customer_id = $customer ORDER BY l.statement_id, l.line;
            """,
            [("$customer", customerId)],
            r => (Statement: r.GetInt64(0), Line: new IssuedLine(
                r.GetInt32(1),
                r.GetString(2),
                new StatementLineDto(
                    Columns.ReadDate(r.GetString(3)), r.GetString(4), r.GetString(5), r.GetString(6), r.GetInt32(7), r.GetInt32(8), r.GetInt32(9), ReadMoney(r.GetString(10)), ReadMoney(r.GetString(11)),
                    r.IsDBNull(12) ? null : r.IsDBNull(13) ? r.GetString(14) : string.Create(CultureInfo.InvariantCulture, $"{r.GetString(14)} line {r.GetInt32(13)}")),
                r.IsDBNull(12) ? null : r.GetInt64(12),
                r.IsDBNull(13) ? null : r.GetInt32(13))),
            cancellationToken)).ToLookup(l => l.Statement, l => l.Line);
        return await connection.QueryAsync(
            "SELECT id, customer_id, month, number, issued_at, net, vat, total FROM statements WHERE customer_id = $customer ORDER BY month;",
            [("$customer", customerId)],
            r => new IssuedStatement(
                r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), Columns.ReadInstant(r.GetString(4)),
                ReadMoney(r.GetString(5)), ReadMoney(r.GetString(6)), ReadMoney(r.GetString(7)), [.. lines[r.GetInt64(0)]]),
            cancellationToken);
    }

    public async Task<string?> NumberAsync(long customerId, string month, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ScalarAsync<string>(
            "SELECT number FROM statements WHERE customer_id = $customer AND month = $month;", [("$customer", customerId), ("$month", month)], cancellationToken);
    }

    public async Task<byte[]?> BytesAsync(string number, string format, CancellationToken cancellationToken)
    {
        var column = format switch
        {
            "json" => "json",
            "html" => "html",
            "csv" => "csv",
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "json, html or csv"),
        };
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync($"SELECT {column} FROM statements WHERE number = $number;", [("$number", number)], r => (byte[])r.GetValue(0), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static decimal ReadMoney(string text) => decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
