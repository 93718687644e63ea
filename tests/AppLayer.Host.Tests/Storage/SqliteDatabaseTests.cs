using AppLayer.Core.Customers;
using AppLayer.Core.Installations;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Storage;
using Microsoft.Data.Sqlite;

namespace AppLayer.Host.Tests.Storage;

public static class SqliteDatabaseTests
{
    /// <summary>Every migration's version, in order (each issue adds its own).</summary>
    private static readonly int[] AllVersions = [.. AppLayer.Storage.Migrations.Schema.Migrations.Select(m => m.Version).Order()];

    private static async Task<List<(long Version, string Name, string AppliedAt)>> JournalAsync(SqliteDatabase database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, name, applied_at FROM schema_migrations ORDER BY version";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(long, string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    private static async Task<string> ScalarAsync(SqliteDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    public sealed class MigrateAsync : IAsyncLifetime
    {

        private readonly TempStorage _storage = new();

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await _storage.DisposeAsync();

        [Fact]
        public async Task Creates_the_database_file_and_journals_every_migration_on_a_new_folder()
        {
            var applied = await _storage.Database.MigrateAsync(CancellationToken.None);

            applied.ShouldBe(AllVersions);
            File.Exists(Path.Combine(_storage.DataDirectory, "applayer.db")).ShouldBeTrue();
            var journal = await JournalAsync(_storage.Database);
            journal.Select(j => (int)j.Version).ShouldBe(AllVersions);
            journal[0].Name.ShouldBe("initial schema");
            journal[0].AppliedAt.ShouldStartWith("2024-01-15T09:00:00");
        }

        [Fact]
        public async Task Creates_every_table_of_the_schema()
        {
            await _storage.Database.MigrateAsync(CancellationToken.None);

            var tables = await ScalarAsync(_storage.Database, "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)");

            new[] { "agreements", "api_keys", "customers", "deployments", "history_events", "installations", "legal_changes", "packages", "release_packages", "releases", "schema_migrations" }
                .ShouldBeSubsetOf(tables.Split(','));
        }

        [Fact]
        public async Task Applies_nothing_when_run_again_after_a_restart_and_keeps_the_data()
        {
            await _storage.Database.MigrateAsync(CancellationToken.None);
            await _storage.Get<ICustomerStore>().AddAsync("novak", "Novák s.r.o.", _storage.Time.GetUtcNow(), CancellationToken.None);
            var before = await JournalAsync(_storage.Database);
            _storage.Time.Advance(TimeSpan.FromDays(1));

            using var restarted = _storage.Reopen();
            var applied = await restarted.MigrateAsync(CancellationToken.None);

            applied.ShouldBeEmpty();
            (await JournalAsync(restarted)).ShouldBe(before);
            (await ScalarAsync(restarted, "SELECT name FROM customers WHERE code = 'novak'")).ShouldBe("Novák s.r.o.");
        }

        [Fact]
        public async Task Puts_the_database_in_write_ahead_log_mode()
        {
            await _storage.Database.MigrateAsync(CancellationToken.None);

            (await ScalarAsync(_storage.Database, "PRAGMA journal_mode")).ShouldBe("wal");
        }

        [Fact]
        public async Task Is_safe_when_two_processes_start_on_the_same_file_at_once()
        {
            using var first = _storage.Reopen();
            using var second = _storage.Reopen();

            var applied = await Task.WhenAll(first.MigrateAsync(CancellationToken.None), second.MigrateAsync(CancellationToken.None));

            applied.SelectMany(a => a).ShouldBe(AllVersions, ignoreOrder: true);
            (await JournalAsync(first)).Count.ShouldBe(AllVersions.Length);
        }
    }

    public sealed class OpenAsync : IAsyncLifetime
    {
        private readonly TempStorage _storage = new();

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await _storage.DisposeAsync();

        [Fact]
        public async Task Sets_a_busy_timeout_and_foreign_keys_on_every_connection()
        {
            (await ScalarAsync(_storage.Database, "PRAGMA busy_timeout")).ShouldBe("30000");
            (await ScalarAsync(_storage.Database, "PRAGMA foreign_keys")).ShouldBe("1");
        }

        [Fact]
        public async Task Sets_them_again_on_a_pooled_connection_whose_settings_were_changed()
        {
            await using (var connection = await _storage.Database.OpenAsync(CancellationToken.None))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA busy_timeout = 0; PRAGMA foreign_keys = 0;";
                await command.ExecuteNonQueryAsync();
                command.CommandText = "PRAGMA foreign_keys";
                Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(0);
            }

            (await ScalarAsync(_storage.Database, "PRAGMA busy_timeout")).ShouldBe("30000");
            (await ScalarAsync(_storage.Database, "PRAGMA foreign_keys")).ShouldBe("1");
        }

        [Fact]
        public async Task Lets_many_concurrent_writers_through_without_database_is_locked()
        {
            var customers = _storage.Get<ICustomerStore>();
            var installations = _storage.Get<IInstallationStore>();

            await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
            {
                var customer = await customers.AddAsync($"c{i}", $"Customer {i}", _storage.Time.GetUtcNow(), CancellationToken.None);
                await installations.AddAsync(
                    new AppLayer.Core.Installations.Installation(0, customer!.Id, $"c{i}-prod", "prod", "5.2", ["payroll"], "Europe/Prague", _storage.Time.GetUtcNow()),
                    CancellationToken.None);
            })));

            (await customers.ListAsync(CancellationToken.None)).Count.ShouldBe(40);
            (await installations.ListAsync(CancellationToken.None)).Count.ShouldBe(40);
        }

        [Fact]
        public async Task Refuses_a_row_that_points_at_nothing()
        {
            var orphan = new AppLayer.Core.Installations.Installation(0, 999, "orphan", "x", "5.2", [], "Europe/Prague", _storage.Time.GetUtcNow());

            var error = await Should.ThrowAsync<SqliteException>(() => _storage.Get<IInstallationStore>().AddAsync(orphan, CancellationToken.None));

            error.SqliteErrorCode.ShouldBe(19); // SQLITE_CONSTRAINT (foreign key)
        }
    }
}
