namespace AppLayer.Storage.Migrations;

/// <summary>
/// Migration 2: legal changes as work items: several references per change (each unique within a
/// jurisdiction), source link, dates, assignee, status, external id, revision; their audit trail
/// and explicit links to update packages.
/// </summary>
internal static class LegalChangeWorkItems
{
    public const string Sql = """
        ALTER TABLE legal_changes ADD COLUMN source_url TEXT;
        ALTER TABLE legal_changes ADD COLUMN announced_on TEXT;
        ALTER TABLE legal_changes ADD COLUMN transition_ends_on TEXT;
        ALTER TABLE legal_changes ADD COLUMN assignee TEXT;
        ALTER TABLE legal_changes ADD COLUMN status TEXT NOT NULL DEFAULT 'announced';
        ALTER TABLE legal_changes ADD COLUMN status_reason TEXT;
        ALTER TABLE legal_changes ADD COLUMN external_id TEXT COLLATE NOCASE;
        ALTER TABLE legal_changes ADD COLUMN updated_at TEXT;
        ALTER TABLE legal_changes ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
        UPDATE legal_changes SET updated_at = recorded_at;
        CREATE UNIQUE INDEX ux_legal_changes_external_id ON legal_changes (external_id) WHERE external_id IS NOT NULL;

        CREATE TABLE legal_change_references (
            legal_change_id INTEGER NOT NULL REFERENCES legal_changes (id),
            position INTEGER NOT NULL,
            reference TEXT NOT NULL COLLATE NOCASE,
            jurisdiction TEXT NOT NULL COLLATE NOCASE,
            PRIMARY KEY (legal_change_id, position),
            UNIQUE (reference, jurisdiction)
        );
        INSERT INTO legal_change_references (legal_change_id, position, reference, jurisdiction)
            SELECT id, 0, reference, jurisdiction FROM legal_changes;

        CREATE TABLE legal_change_audit (
            id INTEGER PRIMARY KEY,
            legal_change_id INTEGER NOT NULL REFERENCES legal_changes (id),
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            field TEXT NOT NULL,
            old_value TEXT,
            new_value TEXT
        );
        CREATE INDEX ix_legal_change_audit_change ON legal_change_audit (legal_change_id, id);
        INSERT INTO legal_change_audit (legal_change_id, at, actor, field, old_value, new_value)
            SELECT id, recorded_at, 'applayer', 'recorded', NULL, reference || ' (' || jurisdiction || ')' FROM legal_changes;

        CREATE TABLE legal_change_packages (
            legal_change_id INTEGER NOT NULL REFERENCES legal_changes (id),
            package_id TEXT NOT NULL COLLATE NOCASE,
            linked_at TEXT NOT NULL,
            linked_by TEXT NOT NULL,
            PRIMARY KEY (legal_change_id, package_id)
        );
        """;
}
