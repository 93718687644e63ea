namespace AppLayer.Storage.Migrations;

/// <summary>
/// Migration 9: a manager's release of the hold a site's rollback put on an update for that installation. The hold
/// itself is the installation's last rolled-back report of the version (<c>deployments</c>) without a release here.
/// </summary>
internal static class ReleaseHolds
{
    public const string Sql = """
        CREATE TABLE hold_releases (
            rollback_report_id TEXT PRIMARY KEY REFERENCES deployments (report_id),
            installation_id INTEGER NOT NULL REFERENCES installations (id) ON DELETE CASCADE,
            package_id TEXT NOT NULL COLLATE NOCASE,
            version TEXT NOT NULL COLLATE NOCASE,
            released_at TEXT NOT NULL,
            released_by TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX ix_hold_releases_installation ON hold_releases (installation_id);
        CREATE INDEX ix_deployments_rolled_back ON deployments (installation_id, package_id, package_version) WHERE status = 'rolled-back';
        """;
}
