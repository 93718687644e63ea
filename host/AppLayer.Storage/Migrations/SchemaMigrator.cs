using Microsoft.Data.Sqlite;

namespace AppLayer.Storage.Migrations;

/// <summary>
/// Applies migrations in order, each in its own (immediate) transaction together with its
/// journal row in <c>schema_migrations</c>, so a crash or a second process never applies one twice.
/// </summary>
internal sealed class SchemaMigrator(SqliteConnection connection, TimeProvider time)
{
    private const string JournalSql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at TEXT NOT NULL
        );
        """;

    public async Task<IReadOnlyList<int>> MigrateAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        // WAL lets readers run beside the one writer; it is a property of the file, set outside a transaction.
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;", [], cancellationToken);
        await connection.ExecuteAsync(JournalSql, [], cancellationToken);

        var applied = new List<int>();
        foreach (var migration in migrations.OrderBy(m => m.Version))
        {
            if (await ApplyAsync(migration, cancellationToken))
            {
                applied.Add(migration.Version);
            }
        }

        return applied;
    }

    private async Task<bool> ApplyAsync(Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = connection.BeginTransaction();
        var seen = await connection.ScalarAsync<long>(
            "SELECT COUNT(*) FROM schema_migrations WHERE version = $version;",
            [("$version", migration.Version)],
            cancellationToken,
            transaction);
        if (seen > 0)
        {
            return false;
        }

        await connection.ExecuteAsync(migration.Sql, [], cancellationToken, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($version, $name, $at);",
            [("$version", migration.Version), ("$name", migration.Name), ("$at", Columns.Instant(time.GetUtcNow()))],
            cancellationToken,
            transaction);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
