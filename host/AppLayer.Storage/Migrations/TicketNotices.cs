namespace AppLayer.Storage.Migrations;

/// <summary>
/// Migration 8: escalation notices, one row per ticket and kind (response or resolution warning
/// or breach), so each is recorded and mailed once across runs, restarts and hosts. Filled from the
/// notices the ticket events hold already (the first of each).
/// </summary>
internal static class TicketNotices
{
    public const string Sql = """
        CREATE TABLE ticket_notices (
            ticket_id INTEGER NOT NULL REFERENCES tickets (id),
            kind TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (ticket_id, kind)
        ) WITHOUT ROWID;

        INSERT INTO ticket_notices (ticket_id, kind, at)
        SELECT ticket_id, kind, MIN(at) FROM ticket_events
        WHERE kind IN ('response-warning', 'resolution-warning', 'response-breached', 'resolution-breached')
        GROUP BY ticket_id, kind;
        """;
}
