using AppLayer.Protocol;
using AppLayer.Core.Agreements;
using AppLayer.Core.ServiceDesk;
using AppLayer.Core.ServiceDesk.Work;
using Microsoft.Data.Sqlite;

namespace AppLayer.Storage.Stores.ServiceDesk;

internal sealed class SqliteWorkStore(SqliteDatabase database) : IWorkStore
{
    private const string ItemColumns = "id, customer_id, kind, title, category, chargeable, estimate_minutes, outcome, ticket_id, created_at";
    private const string QuoteColumns = "id, work_item_id, price_halere, specification, sent_at, approved_by, approved_at, basis, cap_halere";
    private const string TimeColumns = "id, customer_id, reference, ticket_id, work_item_id, kind, chargeable, worker, started_at, minutes, note";

    public async Task<WorkItem?> AddItemAsync(WorkItem item, TimeEntry? entry, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var stored = (await connection.QuerySingleAsync(
            $"""
            INSERT INTO work_items (customer_id, kind, title, category, chargeable, estimate_minutes, outcome, ticket_id, created_at)
            VALUES ($customer, $kind, $title, $category, $chargeable, $estimate, $outcome, $ticket, $at)
            RETURNING {ItemColumns};
            """,
            [
                ("$customer", item.CustomerId), ("$kind", KebabNames.Of(item.Kind)), ("$title", item.Title), ("$category", item.Category),
                ("$chargeable", item.Chargeable ? 1 : 0), ("$estimate", item.EstimateMinutes), ("$outcome", item.Outcome), ("$ticket", item.TicketId),
                ("$at", Columns.Instant(item.CreatedAt)),
            ],
            ReadItem,
            cancellationToken,
            transaction))!;
        if (entry is not null && await InsertTimeAsync(connection, transaction, entry with { Reference = stored.Reference, WorkItemId = stored.Id }, cancellationToken) is null)
        {
            return null;
        }

        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task<WorkItem?> FindItemAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync($"SELECT {ItemColumns} FROM work_items WHERE id = $id;", [("$id", id)], ReadItem, cancellationToken);
    }

    public async Task<IReadOnlyList<WorkItem>> ListItemsAsync(long customerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync($"SELECT {ItemColumns} FROM work_items WHERE customer_id = $customer ORDER BY id;", [("$customer", customerId)], ReadItem, cancellationToken);
    }

    public async Task<Quote> AddQuoteAsync(Quote quote, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QuerySingleAsync(
            $"INSERT INTO quotes (work_item_id, price_halere, specification, sent_at, basis, cap_halere) VALUES ($item, $price, $spec, $at, $basis, $cap) RETURNING {QuoteColumns};",
            [
                ("$item", quote.WorkItemId), ("$price", (long)(quote.Price * 100)), ("$spec", quote.Specification), ("$at", Columns.Instant(quote.SentAt)),
                ("$basis", quote.Basis.ToName()), ("$cap", quote.Cap is { } cap ? (long)(cap * 100) : null),
            ],
            ReadQuote,
            cancellationToken))!;
    }

    public async Task<Quote?> FindQuoteAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync($"SELECT {QuoteColumns} FROM quotes WHERE id = $id;", [("$id", id)], ReadQuote, cancellationToken);
    }

    public async Task<Quote?> FindQuoteForItemAsync(long workItemId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync($"SELECT {QuoteColumns} FROM quotes WHERE work_item_id = $id;", [("$id", workItemId)], ReadQuote, cancellationToken);
    }

    public async Task<Quote?> ApproveQuoteAsync(long id, string approvedBy, DateTimeOffset approvedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync(
            $"UPDATE quotes SET approved_by = $by, approved_at = $at WHERE id = $id AND approved_at IS NULL RETURNING {QuoteColumns};",
            [("$id", id), ("$by", approvedBy), ("$at", Columns.Instant(approvedAt))],
            ReadQuote,
            cancellationToken);
    }

    public async Task<TimeEntry?> AddTimeAsync(TimeEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var stored = await InsertTimeAsync(connection, transaction, entry, cancellationToken);
        if (stored is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return stored;
    }

    public async Task<IReadOnlyList<TimeEntry>> ListTimeAsync(long customerId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            $"SELECT {TimeColumns} FROM time_entries WHERE customer_id = $customer AND started_at >= $from AND started_at < $to ORDER BY started_at, id;",
            [("$customer", customerId), ("$from", Columns.Instant(from)), ("$to", Columns.Instant(to))],
            ReadTime,
            cancellationToken);
    }

    public async Task<IReadOnlyList<Quote>> ListQuotesAsync(long customerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            $"SELECT {string.Join(", ", QuoteColumns.Split(", ").Select(c => "q." + c))} FROM quotes q JOIN work_items w ON w.id = q.work_item_id WHERE w.customer_id = $customer ORDER BY q.id;",
            [("$customer", customerId)],
            ReadQuote,
            cancellationToken);
    }

    public async Task<IReadOnlyList<TimeEntry>> ListItemTimeAsync(long workItemId, DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            $"SELECT {TimeColumns} FROM time_entries WHERE work_item_id = $id AND started_at < $before ORDER BY started_at, id;",
            [("$id", workItemId), ("$before", Columns.Instant(before))],
            ReadTime,
            cancellationToken);
    }

    public async Task<int> MinutesOnItemAsync(long workItemId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ScalarAsync<int>("SELECT COALESCE(SUM(minutes), 0) FROM time_entries WHERE work_item_id = $id;", [("$id", workItemId)], cancellationToken);
    }

    /// <returns>The entry, or <c>null</c> (nothing written) when the worker has time overlapping it.</returns>
    private static async Task<TimeEntry?> InsertTimeAsync(SqliteConnection connection, SqliteTransaction transaction, TimeEntry entry, CancellationToken cancellationToken)
    {
        var overlapping = await connection.ScalarAsync<long>(
            "SELECT COUNT(*) FROM time_entries WHERE worker = $worker AND started_at < $end AND ends_at > $start;",
            [("$worker", entry.Worker), ("$start", Columns.Instant(entry.StartedAt)), ("$end", Columns.Instant(entry.EndsAt))],
            cancellationToken,
            transaction);
        if (overlapping > 0)
        {
            return null;
        }

        return await connection.QuerySingleAsync(
            $"""
            INSERT INTO time_entries (customer_id, reference, ticket_id, work_item_id, kind, chargeable, worker, started_at, ends_at, minutes, note)
            VALUES ($customer, $reference, $ticket, $item, $kind, $chargeable, $worker, $start, $end, $minutes, $note)
            RETURNING {TimeColumns};
            """,
            [
                ("$customer", entry.CustomerId), ("$reference", entry.Reference), ("$ticket", entry.TicketId), ("$item", entry.WorkItemId),
                ("$kind", KebabNames.Of(entry.Kind)), ("$chargeable", entry.Chargeable ? 1 : 0), ("$worker", entry.Worker),
                ("$start", Columns.Instant(entry.StartedAt)), ("$end", Columns.Instant(entry.EndsAt)), ("$minutes", entry.Minutes), ("$note", entry.Note),
            ],
            ReadTime,
            cancellationToken,
            transaction);
    }

    private static WorkItem ReadItem(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetInt64(1),
        KebabNames.Parse<WorkItemKind>(r.GetString(2), "kind"),
        r.GetString(3),
        r.GetString(4),
        r.GetInt64(5) != 0,
        r.IsDBNull(6) ? null : r.GetInt32(6),
        r.GetString(7),
        r.IsDBNull(8) ? null : r.GetInt64(8),
        Columns.ReadInstant(r.GetString(9)));

    private static Quote ReadQuote(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetInt64(1),
        r.GetInt64(2) / 100m,
        r.GetString(3),
        Columns.ReadInstant(r.GetString(4)),
        r.GetNullableString(5),
        Columns.ReadOptionalInstant(r.GetNullableString(6)),
        KebabNames.Parse<QuoteBasis>(r.GetString(7), "quote basis"),
        r.IsDBNull(8) ? null : r.GetInt64(8) / 100m);

    private static TimeEntry ReadTime(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetInt64(1),
        r.GetString(2),
        r.IsDBNull(3) ? null : r.GetInt64(3),
        r.IsDBNull(4) ? null : r.GetInt64(4),
        KebabNames.Parse<WorkKind>(r.GetString(5), "kind"),
        r.GetInt64(6) != 0,
        r.GetString(7),
        Columns.ReadInstant(r.GetString(8)),
        r.GetInt32(9),
        r.GetString(10));
}
