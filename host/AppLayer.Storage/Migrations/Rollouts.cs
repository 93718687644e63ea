namespace AppLayer.Storage.Migrations;

/// <summary>
/// Migration 13: staged rollouts of package versions (rings, bakes, the halt rule, their state), each rollout's audit
/// trail, and freezes (periods when only urgent legal updates go out, to one customer or everyone).
/// </summary>
internal static class Rollouts
{
    public const string Sql = """
        CREATE TABLE rollouts (
            id INTEGER PRIMARY KEY,
            package_id TEXT NOT NULL COLLATE NOCASE,
            version TEXT NOT NULL COLLATE NOCASE,
            percents TEXT NOT NULL,
            bake_hours TEXT NOT NULL,
            canary TEXT NOT NULL,
            halt_rate REAL NOT NULL CHECK (halt_rate > 0 AND halt_rate <= 1),
            halt_minimum INTEGER NOT NULL CHECK (halt_minimum >= 1),
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('active', 'halted', 'aborted')),
            state_changed_at TEXT NOT NULL,
            paused_seconds INTEGER NOT NULL DEFAULT 0,
            UNIQUE (package_id, version)
        );
        CREATE TABLE rollout_events (
            id INTEGER PRIMARY KEY,
            rollout_id INTEGER NOT NULL REFERENCES rollouts (id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            action TEXT NOT NULL,
            actor TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX ix_rollout_events_rollout ON rollout_events (rollout_id, id);
        CREATE TABLE freezes (
            id INTEGER PRIMARY KEY,
            starts_on TEXT NOT NULL,
            ends_on TEXT NOT NULL,
            customer_id INTEGER REFERENCES customers (id) ON DELETE CASCADE,
            reason TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            CHECK (ends_on >= starts_on)
        );
        CREATE INDEX ix_freezes_ends ON freezes (ends_on);
        CREATE INDEX ix_deployments_version ON deployments (package_id COLLATE NOCASE, package_version COLLATE NOCASE, status, installation_id);
        """;
}
