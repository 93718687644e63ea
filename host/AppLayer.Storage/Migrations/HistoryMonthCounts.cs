namespace AppLayer.Storage.Migrations;

/// <summary>
/// Migration 12: <c>history_month_counts</c>, how many events of each kind a customer has per month (UTC,
/// <c>YYYY-MM</c>), kept by triggers on every insert into and delete from <c>history_events</c> (whatever writes them),
/// and filled from the events already stored. The customer page's monthly charts read it instead of grouping the
/// customer's whole history on every view.
/// </summary>
internal static class HistoryMonthCounts
{
    public const string Sql = """
        CREATE TABLE history_month_counts (
            customer_id INTEGER NOT NULL,
            kind TEXT NOT NULL,
            month TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (customer_id, kind, month)
        ) WITHOUT ROWID;

        INSERT INTO history_month_counts (customer_id, kind, month, count)
        SELECT customer_id, kind, substr(at, 1, 7), COUNT(*) FROM history_events GROUP BY customer_id, kind, substr(at, 1, 7);

        CREATE TRIGGER history_month_counts_insert AFTER INSERT ON history_events
        BEGIN
            INSERT INTO history_month_counts (customer_id, kind, month, count) VALUES (NEW.customer_id, NEW.kind, substr(NEW.at, 1, 7), 1)
            ON CONFLICT (customer_id, kind, month) DO UPDATE SET count = count + 1;
        END;

        CREATE TRIGGER history_month_counts_delete AFTER DELETE ON history_events
        BEGIN
            UPDATE history_month_counts SET count = count - 1
            WHERE customer_id = OLD.customer_id AND kind = OLD.kind AND month = substr(OLD.at, 1, 7);
        END;
        """;
}
