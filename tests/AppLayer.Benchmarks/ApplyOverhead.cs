using System.Diagnostics;
using AppLayer.Site;
using AppLayer.Site.Tests.Crash;
using Microsoft.Data.Sqlite;

namespace AppLayer.Benchmarks;

/// <summary>
/// The full pipeline (hash check, extract, worker start, plugin load, preflight, apply, verify,
/// history and outbox rows, commit) for Rewrite.Update against the same UPDATE run raw in one
/// transaction (the plugin's preflight, apply and verify SQL), each on a fresh copy of the same database, alternating, median of five.
/// </summary>
internal static class ApplyOverhead
{
    private const int Rounds = 5;

    public static async Task RunAsync(string rewrite, int rows, string work, TextWriter output)
    {
        var template = await CrashSite.CreateAsync(Directory.CreateDirectory(Path.Combine(work, "overhead")).FullName, rewrite, rows);
        var pipeline = new List<double>();
        var raw = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            var site = template.CopyTo(Path.Combine(work, $"pipeline{round}"));
            var agent = new SiteAgent(site.Database, new SiteAgentOptions { Output = TextWriter.Null, Rehearse = false });
            var watch = Stopwatch.StartNew();
            var result = await agent.ApplyAsync(report: false);
            pipeline.Add(watch.Elapsed.TotalMilliseconds);
            if (result.Applied != 1)
            {
                throw new InvalidOperationException("the pipeline did not apply Rewrite.Update");
            }

            var copy = template.CopyTo(Path.Combine(work, $"raw{round}"));
            watch.Restart();
            await RawAsync(copy.Database);
            raw.Add(watch.Elapsed.TotalMilliseconds);
        }

        var (p, r) = (Median(pipeline), Median(raw));
        output.WriteLine($"- Apply overhead, {rows:N0} rows: full pipeline {p:0} ms, raw SQL {r:0} ms, ratio **{p / r:0.00}** (median of {Rounds}; target ≤ 1.15)");
    }

    private static async Task RawAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        // The plugin's own SQL, in its order: preflight, apply, verify.
        foreach (var sql in new[]
        {
            "SELECT COUNT(*) FROM crash_rows WHERE value <> 0",
            "UPDATE crash_rows SET value = value + 1, payload = 'new-' || id",
            "SELECT COUNT(*) FROM crash_rows WHERE value <> 1",
        })
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
