using System.Diagnostics;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Storage;
using Microsoft.Data.Sqlite;

namespace AppLayer.Host.Tests.Storage;

/// <summary>
/// The stamp the key caches trust: read by many threads at once, it stays while nothing is committed and
/// moves after a commit by another connection or another process, for every thread.
/// </summary>
public sealed class DatabaseChangesTests : IAsyncLifetime
{
    private readonly TempStorage _storage = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    [Fact]
    public async Task Every_stamp_after_a_commit_elsewhere_differs_from_every_stamp_before_it()
    {
        var changes = _storage.Get<DatabaseChanges>();
        for (var round = 0; round < 20; round++)
        {
            // Enough threads at once to use every probe, each noting what it saw.
            var before = await StampsOnManyThreadsAsync(changes);
            before.Distinct().Count().ShouldBe(1, "unchanged, the stamp stays, whichever thread reads it");

            await using (var other = new SqliteConnection($"Data Source={_storage.Database.DatabasePath};Pooling=False"))
            {
                await other.OpenAsync();
                await using var command = other.CreateCommand();
                command.CommandText = $"INSERT INTO customers (code, name, created_at) VALUES ('c{round}', 'C', '2024-01-01T00:00:00.0000000Z')";
                (await command.ExecuteNonQueryAsync()).ShouldBe(1);
            }

            var after = await StampsOnManyThreadsAsync(changes);
            after.Min().ShouldBeGreaterThan(before.Max(), $"round {round}: a stamp taken after the commit equals one taken before it");
        }
    }

    [Fact]
    public async Task An_unchanged_database_keeps_its_stamp()
    {
        // From the very first stamps: a thread's first read must not look like a commit (it would empty
        // the key caches, and a page's queries would depend on which thread served it).
        var changes = _storage.Get<DatabaseChanges>();
        var first = await StampsOnManyThreadsAsync(changes);
        var again = await StampsOnManyThreadsAsync(changes);
        first.Distinct().Count().ShouldBe(1);
        again.Distinct().ShouldBe(first.Distinct(), "no commit in between, so the caches keep their rows");
    }

    [Fact]
    public async Task A_commit_by_another_process_moves_the_stamp_for_the_very_next_read()
    {
        // What `applayer keys revoke --data` or a manual edit does: commit from a process of its own, so
        // the change reaches this one only through the database's files.
        var changes = _storage.Get<DatabaseChanges>();
        for (var round = 0; round < 3; round++)
        {
            var before = await changes.StampAsync(CancellationToken.None);
            (await changes.StampAsync(CancellationToken.None)).ShouldBe(before);

            var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute(\"INSERT INTO customers (code, name, created_at) VALUES (?, 'C', '2024-01-01T00:00:00.0000000Z')\", (sys.argv[2],)); c.commit()");
            info.ArgumentList.Add(_storage.Database.DatabasePath);
            info.ArgumentList.Add($"p{round}");
            using (var process = Process.Start(info)!)
            {
                var error = await process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                process.ExitCode.ShouldBe(0, error);
            }

            (await changes.StampAsync(CancellationToken.None)).ShouldBeGreaterThan(before, $"round {round}: the other process's commit was not seen");
        }
    }

    private static async Task<long[]> StampsOnManyThreadsAsync(DatabaseChanges changes)
    {
        using var start = new Barrier(32);
        var threads = Enumerable.Range(0, 32)
            .Select(_ => Task.Factory.StartNew(
                () =>
                {
                    start.SignalAndWait();
                    return Enumerable.Range(0, 50).Select(_ => changes.StampAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult()).ToArray();
                },
                TaskCreationOptions.LongRunning))
            .ToArray();
        return (await Task.WhenAll(threads)).SelectMany(s => s).ToArray();
    }
}
