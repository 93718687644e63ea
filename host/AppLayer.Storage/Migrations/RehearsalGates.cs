namespace AppLayer.Storage.Migrations;

/// <summary>Migration 7: gated package versions, the sites' rehearsal reports and the managers' approvals.</summary>
internal static class RehearsalGates
{
    public const string Sql = """
        CREATE TABLE release_gates (
            package_id TEXT NOT NULL COLLATE NOCASE,
            version TEXT NOT NULL COLLATE NOCASE,
            gated_at TEXT NOT NULL,
            gated_by TEXT NOT NULL,
            PRIMARY KEY (package_id, version)
        );
        CREATE TABLE rehearsal_reports (
            id INTEGER PRIMARY KEY,
            report_id TEXT NOT NULL UNIQUE,
            installation_id INTEGER NOT NULL REFERENCES installations (id) ON DELETE CASCADE,
            package_id TEXT NOT NULL COLLATE NOCASE,
            version TEXT NOT NULL COLLATE NOCASE,
            succeeded INTEGER NOT NULL,
            message TEXT NOT NULL,
            sha512 TEXT NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX ix_rehearsal_reports_package ON rehearsal_reports (package_id, version);
        CREATE TABLE gate_approvals (
            installation_id INTEGER NOT NULL REFERENCES installations (id) ON DELETE CASCADE,
            package_id TEXT NOT NULL COLLATE NOCASE,
            version TEXT NOT NULL COLLATE NOCASE,
            rehearsal_report_id TEXT NOT NULL REFERENCES rehearsal_reports (report_id),
            approved_at TEXT NOT NULL,
            approved_by TEXT NOT NULL,
            PRIMARY KEY (installation_id, package_id, version)
        );
        """;
}
