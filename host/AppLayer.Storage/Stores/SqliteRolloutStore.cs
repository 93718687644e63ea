using System.Text.Json;
using AppLayer.Core.History;
using AppLayer.Core.Rollouts;
using AppLayer.Protocol;
using Microsoft.Data.Sqlite;

namespace AppLayer.Storage.Stores;

internal sealed class SqliteRolloutStore(SqliteDatabase database) : IRolloutStore
{
    private const string SelectedColumns = "id, package_id, version, percents, bake_hours, canary, halt_rate, halt_minimum, created_at, created_by, state, state_changed_at, paused_seconds";

    // An installation's worst report of a version: rolled back (3) over failed (2) over applied (1).
    private const string Worst = "MAX(CASE d.status WHEN 'rolled-back' THEN 3 WHEN 'failed' THEN 2 WHEN 'applied' THEN 1 ELSE 0 END)";

    // Installations (each once) by the worst status they reported for one version.
    private const string CountsByInstallation = $"""
        SELECT {Worst} AS worst
        FROM deployments d
        WHERE d.package_id = $id COLLATE NOCASE AND d.package_version = $version COLLATE NOCASE
        GROUP BY d.installation_id
        """;

    public async Task<Rollout?> AddAsync(Rollout rollout, RolloutEvent created, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var id = await connection.ScalarAsync<long?>(
            """
            INSERT INTO rollouts (package_id, version, percents, bake_hours, canary, halt_rate, halt_minimum, created_at, created_by, state, state_changed_at, paused_seconds)
            VALUES ($id, $version, $percents, $bake, $canary, $rate, $minimum, $at, $by, $state, $at, 0)
            ON CONFLICT (package_id, version) DO NOTHING
            RETURNING id;
            """,
            [
                ("$id", rollout.PackageId),
                ("$version", rollout.Version),
                ("$percents", JsonSerializer.Serialize(rollout.Percents)),
                ("$bake", JsonSerializer.Serialize(rollout.BakeHours)),
                ("$canary", JsonSerializer.Serialize(rollout.CanaryCustomerIds)),
                ("$rate", rollout.HaltRate),
                ("$minimum", rollout.HaltMinimum),
                ("$at", Columns.Instant(rollout.CreatedAt)),
                ("$by", rollout.CreatedBy),
                ("$state", rollout.State.ToName()),
            ],
            cancellationToken,
            transaction);
        if (id is not { } stored)
        {
            return null;
        }

        await InsertEventAsync(connection, transaction, stored, created, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rollout with { Id = stored };
    }

    public async Task<Rollout?> FindAsync(string packageId, string version, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync(
            $"SELECT {SelectedColumns} FROM rollouts WHERE package_id = $id AND version = $version;",
            [("$id", packageId), ("$version", version)],
            Read,
            cancellationToken);
    }

    public async Task<IReadOnlyList<Rollout>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync($"SELECT {SelectedColumns} FROM rollouts ORDER BY id;", [], Read, cancellationToken);
    }

    public async Task<ILookup<long, RolloutEvent>> EventsAsync(long? rolloutId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync(
            "SELECT rollout_id, at, action, actor, reason FROM rollout_events WHERE $rollout IS NULL OR rollout_id = $rollout ORDER BY rollout_id, id;",
            [("$rollout", rolloutId)],
            r => (Rollout: r.GetInt64(0), Event: new RolloutEvent(Columns.ReadInstant(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4))),
            cancellationToken);
        return rows.ToLookup(r => r.Rollout, r => r.Event);
    }

    public async Task<bool> ChangeStateAsync(Rollout changed, RolloutState expected, RolloutEvent audit, IReadOnlyList<HistoryEvent> history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(history);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var updated = await connection.ExecuteAsync(
            "UPDATE rollouts SET state = $state, state_changed_at = $at, paused_seconds = $paused WHERE id = $rollout AND state = $expected;",
            [
                ("$state", changed.State.ToName()),
                ("$at", Columns.Instant(changed.StateChangedAt)),
                ("$paused", (long)changed.Paused.TotalSeconds),
                ("$rollout", changed.Id),
                ("$expected", expected.ToName()),
            ],
            cancellationToken,
            transaction);
        if (updated == 0)
        {
            return false;
        }

        await InsertEventAsync(connection, transaction, changed.Id, audit, cancellationToken);
        foreach (var historyEvent in history)
        {
            await SqliteHistoryStore.InsertAsync(connection, transaction, historyEvent, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<RolloutCounts> CountReportsAsync(string packageId, string version, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync(
            $"SELECT worst, COUNT(*) FROM ({CountsByInstallation}) GROUP BY worst;",
            [("$id", packageId), ("$version", version)],
            r => (Worst: r.GetInt32(0), Count: r.GetInt32(1)),
            cancellationToken);
        return Counts(rows);
    }

    public async Task<IReadOnlyDictionary<long, RolloutCounts>> CountAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync(
            $"""
            SELECT rollout, worst, COUNT(*) FROM (
                SELECT r.id AS rollout, {Worst} AS worst
                FROM rollouts r
                JOIN deployments d ON d.package_id = r.package_id COLLATE NOCASE AND d.package_version = r.version COLLATE NOCASE
                GROUP BY r.id, d.installation_id)
            GROUP BY rollout, worst;
            """,
            [],
            r => (Rollout: r.GetInt64(0), Worst: r.GetInt32(1), Count: r.GetInt32(2)),
            cancellationToken);
        return rows.GroupBy(r => r.Rollout).ToDictionary(g => g.Key, g => Counts(g.Select(r => (r.Worst, r.Count))));
    }

    public async Task<IReadOnlyList<long>> CustomersReportedAsync(string packageId, string version, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            """
            SELECT DISTINCT i.customer_id FROM deployments d JOIN installations i ON i.id = d.installation_id
            WHERE d.package_id = $id COLLATE NOCASE AND d.package_version = $version COLLATE NOCASE
            ORDER BY i.customer_id;
            """,
            [("$id", packageId), ("$version", version)],
            r => r.GetInt64(0),
            cancellationToken);
    }

    public async Task<Freeze> AddFreezeAsync(Freeze freeze, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(freeze);
        await using var connection = await database.OpenAsync(cancellationToken);
        var id = await connection.ScalarAsync<long>(
            """
            INSERT INTO freezes (starts_on, ends_on, customer_id, reason, created_at, created_by)
            VALUES ($from, $to, $customer, $reason, $at, $by) RETURNING id;
            """,
            [
                ("$from", Columns.Date(freeze.From)),
                ("$to", Columns.Date(freeze.To)),
                ("$customer", freeze.CustomerId),
                ("$reason", freeze.Reason),
                ("$at", Columns.Instant(freeze.CreatedAt)),
                ("$by", freeze.CreatedBy),
            ],
            cancellationToken);
        return freeze with { Id = id };
    }

    public async Task<IReadOnlyList<Freeze>> ListFreezesAsync(DateOnly from, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            """
            SELECT f.id, f.starts_on, f.ends_on, f.customer_id, c.code, f.reason, f.created_at, f.created_by
            FROM freezes f LEFT JOIN customers c ON c.id = f.customer_id
            WHERE f.ends_on >= $from ORDER BY f.starts_on, f.id;
            """,
            [("$from", Columns.Date(from))],
            r => new Freeze(
                r.GetInt64(0), Columns.ReadDate(r.GetString(1)), Columns.ReadDate(r.GetString(2)), r.IsDBNull(3) ? null : r.GetInt64(3), r.GetNullableString(4),
                r.GetString(5), Columns.ReadInstant(r.GetString(6)), r.GetString(7)),
            cancellationToken);
    }

    public async Task<bool> RemoveFreezeAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("DELETE FROM freezes WHERE id = $id;", [("$id", id)], cancellationToken) > 0;
    }

    private static RolloutCounts Counts(IEnumerable<(int Worst, int Count)> rows)
    {
        var byWorst = rows.ToDictionary(r => r.Worst, r => r.Count);
        return new RolloutCounts(byWorst.GetValueOrDefault(1), byWorst.GetValueOrDefault(2), byWorst.GetValueOrDefault(3));
    }

    private static Task<int> InsertEventAsync(SqliteConnection connection, SqliteTransaction transaction, long rolloutId, RolloutEvent audit, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(
            "INSERT INTO rollout_events (rollout_id, at, action, actor, reason) VALUES ($rollout, $at, $action, $actor, $reason);",
            [("$rollout", rolloutId), ("$at", Columns.Instant(audit.At)), ("$action", audit.Action), ("$actor", audit.Actor), ("$reason", audit.Reason)],
            cancellationToken,
            transaction);

    private static Rollout Read(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        r.GetString(2),
        JsonSerializer.Deserialize<int[]>(r.GetString(3)) ?? [],
        JsonSerializer.Deserialize<int[]>(r.GetString(4)) ?? [],
        JsonSerializer.Deserialize<long[]>(r.GetString(5)) ?? [],
        r.GetDouble(6),
        r.GetInt32(7),
        Columns.ReadInstant(r.GetString(8)),
        r.GetString(9),
        KebabNames.Parse<RolloutState>(r.GetString(10), "Rollout state"),
        Columns.ReadInstant(r.GetString(11)),
        TimeSpan.FromSeconds(r.GetInt64(12)));
}
