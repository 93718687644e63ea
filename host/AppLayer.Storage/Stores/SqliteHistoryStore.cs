using AppLayer.Core.History;
using AppLayer.Core.Installations;
using Microsoft.Data.Sqlite;

namespace AppLayer.Storage.Stores;

internal sealed class SqliteHistoryStore(SqliteDatabase database) : IHistoryStore
{
    private const string Selected = "id, customer_id, at, kind, installation, subject, detail, modules, legal_references";

    public async Task<HistoryEvent> AddAsync(HistoryEvent historyEvent, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await InsertAsync(connection, null, historyEvent, cancellationToken);
    }

    public async Task<IReadOnlyList<HistoryEvent>> ListAsync(long customerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            $"SELECT {Selected} FROM history_events WHERE customer_id = $customer ORDER BY at, id;",
            [("$customer", customerId)],
            Read,
            cancellationToken);
    }

    public async Task<HistoryPage> QueryAsync(long customerId, HistoryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (where, parameters) = HistoryWhere.Build(customerId, query);
        parameters.Add(("$limit", query.Limit + 1));
        // Newest first walks the same index backwards; the page just newer than a cursor is read forwards and turned round.
        var descending = query.NewestFirst && query.Before is null;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync(
            $"SELECT {Selected} FROM history_events WHERE {where} ORDER BY {(descending ? "at DESC, id DESC" : "at, id")} LIMIT $limit;",
            parameters,
            Read,
            cancellationToken);
        var more = rows.Count > query.Limit;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        if (query.NewestFirst && query.Before is not null)
        {
            rows.Reverse();
            return new HistoryPage(rows, more ? new HistoryCursor(rows[0].At, rows[0].Id) : null);
        }

        return new HistoryPage(rows, more ? new HistoryCursor(rows[^1].At, rows[^1].Id) : null);
    }

    public async Task<IReadOnlyList<MonthCount>> CountByMonthAsync(long customerId, string kind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            "SELECT month, count FROM history_month_counts WHERE customer_id = $customer AND kind = $kind AND count > 0 ORDER BY month;",
            [("$customer", customerId), ("$kind", kind)],
            r => new MonthCount(DateOnly.ParseExact(r.GetString(0) + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.GetInt32(1)),
            cancellationToken);
    }

    /// <summary>Writes one event inside another store's transaction.</summary>
    internal static async Task<HistoryEvent> InsertAsync(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        HistoryEvent historyEvent,
        CancellationToken cancellationToken)
    {
        var stored = await connection.QuerySingleAsync(
            $"""
            INSERT INTO history_events (customer_id, at, kind, installation, subject, detail, modules, legal_references)
            VALUES ($customer, $at, $kind, $installation, $subject, $detail, $modules, $legal)
            RETURNING {Selected};
            """,
            [
                ("$customer", historyEvent.CustomerId),
                ("$at", Columns.Instant(historyEvent.At)),
                ("$kind", historyEvent.Kind),
                ("$installation", historyEvent.Installation),
                ("$subject", historyEvent.Subject),
                ("$detail", historyEvent.Detail),
                ("$modules", HistoryLists.Write(historyEvent.Modules)),
                ("$legal", HistoryLists.Write(historyEvent.LegalReferences)),
            ],
            Read,
            cancellationToken,
            transaction);
        return stored!;
    }

    private static HistoryEvent Read(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetInt64(1),
        Columns.ReadInstant(r.GetString(2)),
        r.GetString(3),
        r.GetNullableString(4),
        r.GetString(5),
        r.GetString(6))
    {
        Modules = HistoryLists.Read(r.GetString(7)),
        LegalReferences = HistoryLists.Read(r.GetString(8)),
    };
}
