using System.Diagnostics;
using AppLayer.Site;
using AppLayer.Site.Tests.Crash;
using Microsoft.Data.Sqlite;

namespace AppLayer.Benchmarks;

/// <summary>
/// The full pipeline (hash check, extract, worker start, plugin load, preflight, apply, verify,
/// history and outbox rows, commit) for Rewrite.Update against the same UPDATE run raw in one
/// transaction (the plugin's preflight, apply and verify SQL), each on a fresh copy of the same database, alternating, median of five;
/// the pipeline alone (<c>--no-rehearsal</c>) and with its rehearsal on a copy first (what <c>site run</c> does by default).
/// </summary>
internal static class ApplyOverhead
{
    private const int Rounds = 5;

    public static async Task RunAsync(string rewrite, int rows, string work, TextWriter output)
    {
        var template = await CrashSite.CreateAsync(Directory.CreateDirectory(Path.Combine(work, "overhead")).FullName, rewrite, rows);
        var pipeline = new List<double>();
        var rehearsed = new List<double>();
        var raw = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            pipeline.Add(await PipelineAsync(template.CopyTo(Path.Combine(work, $"pipeline{round}")), rehearse: false));
            rehearsed.Add(await PipelineAsync(template.CopyTo(Path.Combine(work, $"rehearsed{round}")), rehearse: true));
            var copy = template.CopyTo(Path.Combine(work, $"raw{round}"));
            var watch = Stopwatch.StartNew();
            await RawAsync(copy.Database);
            raw.Add(watch.Elapsed.TotalMilliseconds);
        }

        var (p, h, r) = (Median(pipeline), Median(rehearsed), Median(raw));
        output.WriteLine($"- Apply overhead, {rows:N0} rows (median of {Rounds}, alternating, same run): raw SQL in one transaction {r:0} ms; "
            + $"apply alone {p:0} ms, ratio **{p / r:0.00}** (target ≤ 1.15); apply with rehearsal (what `site run` does) {h:0} ms, ratio **{h / r:0.00}** (target ≤ 1.5)");
    }

    /// <summary>One <c>site apply</c> of the cached Rewrite.Update on a fresh copy, with or without its rehearsal; milliseconds.</summary>
    private static async Task<double> PipelineAsync(CrashSite site, bool rehearse)
    {
        var agent = new SiteAgent(site.Database, new SiteAgentOptions { Output = TextWriter.Null, Rehearse = rehearse });
        var watch = Stopwatch.StartNew();
        var result = await agent.ApplyAsync(report: false);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        return result.Applied == 1 ? elapsed : throw new InvalidOperationException($"the pipeline (rehearse: {rehearse}) did not apply Rewrite.Update");
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
