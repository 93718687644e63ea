namespace AppLayer.Storage.Migrations;

/// <summary>
/// Migration 4: agreement terms and the day each version takes effect; contacts; Help Desk
/// tickets with their events and mail threads; the mail outbox; consultations, data fixes,
/// features, quotes and time entries. Money is stored as integer haléře.
/// </summary>
internal static class ServiceDeskSchema
{
    public const string Sql = """
        ALTER TABLE agreements ADD COLUMN effective_from TEXT;
        ALTER TABLE agreements ADD COLUMN terms TEXT;

        CREATE TABLE contacts (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers (id),
            email TEXT NOT NULL COLLATE NOCASE UNIQUE,
            name TEXT NOT NULL,
            portal_hash TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL
        );
        CREATE INDEX ix_contacts_customer ON contacts (customer_id);

        CREATE TABLE tickets (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers (id),
            subject TEXT NOT NULL,
            body TEXT NOT NULL,
            service TEXT NOT NULL,
            priority TEXT NOT NULL,
            channel TEXT NOT NULL,
            contact_email TEXT,
            status TEXT NOT NULL,
            assignee TEXT,
            opened_at TEXT NOT NULL,
            responded_at TEXT,
            resolved_at TEXT,
            updated_at TEXT NOT NULL,
            row_version INTEGER NOT NULL
        );
        CREATE INDEX ix_tickets_customer ON tickets (customer_id, id);
        CREATE INDEX ix_tickets_status ON tickets (status);

        CREATE TABLE ticket_events (
            id INTEGER PRIMARY KEY,
            ticket_id INTEGER NOT NULL REFERENCES tickets (id),
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            actor TEXT NOT NULL,
            text TEXT NOT NULL
        );
        CREATE INDEX ix_ticket_events_ticket ON ticket_events (ticket_id, id);

        CREATE TABLE ticket_messages (
            message_id TEXT PRIMARY KEY,
            ticket_id INTEGER NOT NULL REFERENCES tickets (id)
        );

        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            message_id TEXT NOT NULL UNIQUE,
            ticket_id INTEGER REFERENCES tickets (id),
            recipient TEXT NOT NULL,
            subject TEXT NOT NULL,
            body TEXT NOT NULL,
            in_reply_to TEXT,
            not_before TEXT NOT NULL,
            created_at TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            leased_until TEXT,
            sent_at TEXT
        );
        CREATE INDEX ix_outbox_due ON outbox (sent_at, not_before);

        CREATE TABLE work_items (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers (id),
            kind TEXT NOT NULL CHECK (kind IN ('consultation', 'data-fix', 'feature')),
            title TEXT NOT NULL,
            category TEXT NOT NULL,
            chargeable INTEGER NOT NULL,
            estimate_minutes INTEGER,
            outcome TEXT NOT NULL,
            ticket_id INTEGER REFERENCES tickets (id),
            created_at TEXT NOT NULL
        );
        CREATE INDEX ix_work_items_customer ON work_items (customer_id, id);

        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            work_item_id INTEGER NOT NULL UNIQUE REFERENCES work_items (id),
            price_halere INTEGER NOT NULL CHECK (price_halere > 0),
            specification TEXT NOT NULL,
            sent_at TEXT NOT NULL,
            approved_by TEXT,
            approved_at TEXT
        );

        CREATE TABLE time_entries (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers (id),
            reference TEXT NOT NULL,
            ticket_id INTEGER REFERENCES tickets (id),
            work_item_id INTEGER REFERENCES work_items (id),
            kind TEXT NOT NULL,
            chargeable INTEGER NOT NULL,
            worker TEXT NOT NULL COLLATE NOCASE,
            started_at TEXT NOT NULL,
            ends_at TEXT NOT NULL,
            minutes INTEGER NOT NULL CHECK (minutes > 0),
            note TEXT NOT NULL
        );
        CREATE INDEX ix_time_entries_customer ON time_entries (customer_id, started_at);
        CREATE INDEX ix_time_entries_worker ON time_entries (worker, started_at);
        """;
}
