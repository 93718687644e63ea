namespace AppLayer.Storage.Migrations;

/// <summary>Migration 1: customers, agreements, installations, keys, packages, legal changes, releases, deployments, history.</summary>
internal static class InitialSchema
{
    public const string Sql = """
        CREATE TABLE customers (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL COLLATE NOCASE UNIQUE,
            name TEXT NOT NULL,
            created_at TEXT NOT NULL
        );

        CREATE TABLE agreements (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers (id),
            version INTEGER NOT NULL,
            services TEXT NOT NULL,
            modules TEXT NOT NULL,
            signed_at TEXT NOT NULL,
            UNIQUE (customer_id, version)
        );

        CREATE TABLE installations (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers (id),
            code TEXT NOT NULL COLLATE NOCASE UNIQUE,
            name TEXT NOT NULL,
            is_version TEXT NOT NULL,
            modules TEXT NOT NULL,
            time_zone TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX ix_installations_customer ON installations (customer_id);

        CREATE TABLE api_keys (
            id INTEGER PRIMARY KEY,
            hash TEXT NOT NULL UNIQUE,
            scope TEXT NOT NULL CHECK (scope IN ('publish', 'site', 'manager')),
            installation_id INTEGER REFERENCES installations (id),
            created_at TEXT NOT NULL,
            expires_at TEXT,
            revoked_at TEXT,
            CHECK ((scope = 'site') = (installation_id IS NOT NULL))
        );

        CREATE TABLE packages (
            pkey INTEGER PRIMARY KEY,
            id TEXT NOT NULL COLLATE NOCASE,
            version TEXT NOT NULL COLLATE NOCASE,
            kind TEXT NOT NULL,
            manifest TEXT NOT NULL,
            sha512 TEXT NOT NULL,
            size INTEGER NOT NULL,
            published_at TEXT NOT NULL,
            UNIQUE (id, version)
        );

        CREATE TABLE legal_changes (
            id INTEGER PRIMARY KEY,
            reference TEXT NOT NULL COLLATE NOCASE,
            title TEXT NOT NULL,
            jurisdiction TEXT NOT NULL COLLATE NOCASE,
            area TEXT NOT NULL,
            effective_date TEXT NOT NULL,
            modules TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            UNIQUE (reference, jurisdiction)
        );

        CREATE TABLE releases (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL COLLATE NOCASE UNIQUE,
            notes TEXT NOT NULL,
            created_at TEXT NOT NULL
        );

        CREATE TABLE release_packages (
            release_id INTEGER NOT NULL REFERENCES releases (id),
            position INTEGER NOT NULL,
            package_pkey INTEGER NOT NULL REFERENCES packages (pkey),
            PRIMARY KEY (release_id, position),
            UNIQUE (release_id, package_pkey)
        );

        CREATE TABLE deployments (
            id INTEGER PRIMARY KEY,
            installation_id INTEGER NOT NULL REFERENCES installations (id),
            package_id TEXT NOT NULL,
            package_version TEXT NOT NULL,
            status TEXT NOT NULL,
            message TEXT NOT NULL,
            sha512 TEXT,
            report_id TEXT NOT NULL UNIQUE,
            at TEXT NOT NULL
        );
        CREATE INDEX ix_deployments_installation ON deployments (installation_id, at);

        CREATE TABLE history_events (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers (id),
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            installation TEXT,
            subject TEXT NOT NULL,
            detail TEXT NOT NULL
        );
        CREATE INDEX ix_history_events_customer ON history_events (customer_id, at, id);
        """;
}
