namespace AppLayer.Storage.Migrations;

/// <summary>
/// Migration 6: the modules and legal references of each history event (as <c>|a|b|</c> lists, filled in
/// for the events written before), an index for filtering by kind, and keys of customers' contacts.
/// </summary>
internal static class HistoryFiltersAndContacts
{
    public const string Sql = """
        ALTER TABLE history_events ADD COLUMN modules TEXT NOT NULL DEFAULT '';
        ALTER TABLE history_events ADD COLUMN legal_references TEXT NOT NULL DEFAULT '';

        UPDATE history_events
        SET legal_references = '|' || lc.reference || '|',
            modules = COALESCE((SELECT '|' || group_concat(lower(m.value), '|') || '|' FROM json_each(lc.modules) AS m), '')
        FROM legal_changes AS lc
        WHERE history_events.kind = 'legal-change'
          AND history_events.subject = lc.reference || ' (' || lc.jurisdiction || ')';

        UPDATE history_events
        SET legal_references = COALESCE((SELECT '|' || group_concat(r.value, '|') || '|' FROM json_each(p.manifest, '$.legalReferences') AS r), ''),
            modules = COALESCE((SELECT '|' || group_concat(lower(m.value), '|') || '|' FROM json_each(p.manifest, '$.modules') AS m), '')
        FROM packages AS p
        WHERE history_events.kind LIKE 'update-%'
          AND history_events.subject = p.id || ' ' || p.version;

        CREATE INDEX ix_history_events_customer_kind ON history_events (customer_id, kind, at, id);

        CREATE TABLE contact_keys (
            id INTEGER PRIMARY KEY,
            hash TEXT NOT NULL UNIQUE,
            customer_id INTEGER NOT NULL REFERENCES customers (id),
            created_at TEXT NOT NULL,
            expires_at TEXT,
            revoked_at TEXT
        );
        """;
}
