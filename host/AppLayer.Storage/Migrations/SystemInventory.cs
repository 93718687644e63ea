namespace AppLayer.Storage.Migrations;

/// <summary>
/// Migration 5: each installation's last reported system software inventory, the report ids seen, and the
/// vendors' support end dates (the last supported day), seeded with published dates:
/// .NET (dotnet.microsoft.com lifecycle; STS releases get 24 months from .NET 9 on), Debian (LTS end, wiki.debian.org/LTS),
/// PostgreSQL (versioning policy: five years per major), SQLite (no announced end).
/// </summary>
internal static class SystemInventory
{
    public const string Sql = """
        CREATE TABLE installation_inventories (
            installation_id INTEGER PRIMARY KEY REFERENCES installations (id) ON DELETE CASCADE,
            report_id TEXT NOT NULL,
            reported_at TEXT NOT NULL,
            items TEXT NOT NULL
        );
        CREATE TABLE inventory_reports (
            report_id TEXT PRIMARY KEY,
            installation_id INTEGER NOT NULL REFERENCES installations (id) ON DELETE CASCADE,
            reported_at TEXT NOT NULL
        );
        CREATE TABLE support_dates (
            component TEXT NOT NULL,
            cycle TEXT NOT NULL,
            name TEXT NOT NULL,
            ends_on TEXT NULL,
            updated_at TEXT NULL,
            updated_by TEXT NULL,
            PRIMARY KEY (component, cycle)
        );
        INSERT INTO support_dates (component, cycle, name, ends_on) VALUES
            ('dotnet', '6', '.NET 6 (LTS)', '2024-11-12'),
            ('dotnet', '7', '.NET 7 (STS)', '2024-05-14'),
            ('dotnet', '8', '.NET 8 (LTS)', '2026-11-10'),
            ('dotnet', '9', '.NET 9 (STS)', '2026-11-10'),
            ('dotnet', '10', '.NET 10 (LTS)', '2028-11-14'),
            ('debian', '10', 'Debian 10 buster (LTS)', '2024-06-30'),
            ('debian', '11', 'Debian 11 bullseye (LTS)', '2026-08-31'),
            ('debian', '12', 'Debian 12 bookworm (LTS)', '2028-06-30'),
            ('debian', '13', 'Debian 13 trixie (LTS)', '2030-06-30'),
            ('sqlite', '3', 'SQLite 3', NULL),
            ('postgresql', '13', 'PostgreSQL 13', '2025-11-13'),
            ('postgresql', '14', 'PostgreSQL 14', '2026-11-12'),
            ('postgresql', '15', 'PostgreSQL 15', '2027-11-11'),
            ('postgresql', '16', 'PostgreSQL 16', '2028-11-09'),
            ('postgresql', '17', 'PostgreSQL 17', '2029-11-08'),
            ('postgresql', '18', 'PostgreSQL 18', '2030-11-14');
        """;
}
