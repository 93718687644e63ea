using System.Globalization;
using System.Security.Cryptography;
using AppLayer.DemoIs;
using AppLayer.Protocol.Api;
using AppLayer.Site.Agent;
using AppLayer.Site.Packages;
using Microsoft.Data.Sqlite;

namespace AppLayer.Site.Tests.Crash;

/// <summary>
/// A demo IS enrolled (with a host it never needs to reach) whose cache holds Rewrite.Update, plus
/// <c>crash_rows</c> with the given number of rows, all in the old state (value 0).
/// </summary>
public sealed class CrashSite
{
    private CrashSite(string database) => Database = database;

    public string Database { get; }

    public SitePaths Paths => SitePaths.For(Database);

    public static async Task<CrashSite> CreateAsync(string folder, string rewritePackage, int rows)
    {
        var database = Path.Combine(folder, "IS.db");
        await DemoIsDatabase.CreateAsync(database);
        await SiteDatabase.Existing(database).EnrollAsync(
            new Enrollment(new Uri("http://127.0.0.1:9/"), "al_crash-test-key", "crash-prod", "crash", ["accounting"], "Europe/Prague"),
            DateTimeOffset.UtcNow,
            CancellationToken.None);
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"""
                CREATE TABLE crash_rows (id INTEGER PRIMARY KEY, value INTEGER NOT NULL, payload TEXT NOT NULL);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows.ToString(CultureInfo.InvariantCulture)})
                INSERT INTO crash_rows (id, value, payload) SELECT i, 0, 'old-' || i FROM n;
                """;
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        var bytes = await File.ReadAllBytesAsync(rewritePackage);
        var listing = new AvailableUpdateDto("Rewrite.Update", "1.0.0", "DataFix", "Rewrite", Convert.ToBase64String(SHA512.HashData(bytes)), bytes.Length, null, []);
        var copy = Path.Combine(folder, "incoming.nupkg");
        File.Copy(rewritePackage, copy);
        new PackageCache(SitePaths.For(database).Packages).Add(copy, listing);
        return new CrashSite(database);
    }

    /// <summary>Copies this site (database, package cache and site key) to a fresh folder.</summary>
    public CrashSite CopyTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "IS.db");
        File.Copy(Database, database);
        var packages = SitePaths.For(database).Packages;
        Directory.CreateDirectory(packages);
        foreach (var file in Directory.GetFiles(Paths.Packages))
        {
            File.Copy(file, Path.Combine(packages, Path.GetFileName(file)));
        }

        // the site key lives beside the database, not in it
        File.Copy(Path.Combine(Paths.Root, "site.key"), Path.Combine(SitePaths.For(database).Root, "site.key"));
        return new CrashSite(database);
    }

    /// <summary>Checks the database after a kill: integrity, exactly the old or the new state, history and outbox agreeing.</summary>
    public async Task<CrashState> InspectAsync(int rows)
    {
        // Read-write: opening it lets SQLite roll back what a killed process left uncommitted.
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync();
        var integrity = (string)(await ScalarAsync(connection, "PRAGMA integrity_check"))!;
        if (integrity != "ok")
        {
            return new CrashState(false, $"integrity_check: {integrity}");
        }

        var newRows = Convert.ToInt64(await ScalarAsync(connection, "SELECT COUNT(*) FROM crash_rows WHERE value = 1 AND payload = 'new-' || id"), CultureInfo.InvariantCulture);
        var oldRows = Convert.ToInt64(await ScalarAsync(connection, "SELECT COUNT(*) FROM crash_rows WHERE value = 0 AND payload = 'old-' || id"), CultureInfo.InvariantCulture);
        var history = Convert.ToInt64(await ScalarAsync(connection, "SELECT COUNT(*) FROM applayer_history WHERE package_id = 'Rewrite.Update'"), CultureInfo.InvariantCulture);
        var outbox = Convert.ToInt64(await ScalarAsync(connection, "SELECT COUNT(*) FROM applayer_outbox o JOIN applayer_history h ON h.report_id = o.report_id"), CultureInfo.InvariantCulture);
        if (oldRows == rows && history == 0 && outbox == 0)
        {
            return new CrashState(false, "old");
        }

        if (newRows == rows && history == 1 && outbox == 1)
        {
            return new CrashState(true, "new");
        }

        return new CrashState(false, $"MIXED: {oldRows} old row(s), {newRows} new row(s) of {rows}, {history} history row(s), {outbox} outbox row(s)");
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}

/// <summary>What a crash left: <see cref="IsNew"/> when applied, <see cref="Description"/> "old", "new" or what is wrong.</summary>
public sealed record CrashState(bool IsNew, string Description)
{
    public bool IsExact => Description is "old" or "new";
}
