using System.Diagnostics;
using System.Security.Cryptography;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using AppLayer.Site.Packages;
using AppLayer.Site.Tests.Support;

namespace AppLayer.Site.Tests;

/// <summary>
/// Each update runs in its own worker process: real compiled plugins that hang, exit the process or
/// leak memory fail alone, the agent carries on with the next update, and the IS data is as before.
/// </summary>
[Collection(BuiltPackages.Collection)]
public sealed class IsolationTests(BuiltPackages packages)
{
    [Fact]
    public async Task A_plugin_that_hangs_is_killed_after_the_timeout_and_nothing_it_did_is_kept()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Hanging);
        host.Publish(packages.Vat2024);
        using var site = await TempSite.EnrolledAsync(host);
        site.WorkerTimeout = TimeSpan.FromSeconds(3);
        await site.Agent.PullAsync();
        var before = site.Dump();

        var result = await site.Agent.ApplyAsync();

        (result.Applied, result.Failed).ShouldBe((1, 1));
        site.OutputLines.ShouldContain("FAILED Hanging.Update 1.0.0: apply failed: the worker did not finish within 3 s and was stopped; nothing was committed");
        site.OutputLines.ShouldContain("Hanging.Update: changed vat_rates; now hanging");
        site.Rows("SELECT COUNT(*) FROM sqlite_master WHERE name = 'hanging_update_was_here'")[0][0].ShouldBe("0");
        site.Rows("SELECT COUNT(*) FROM vat_rates WHERE rate_percent = 77")[0][0].ShouldBe("0");
        site.Rows("SELECT package_id FROM applayer_history").Select(r => r[0]).ShouldBe(["Cz.Vat2024"]);
        site.Rows("PRAGMA integrity_check")[0][0].ShouldBe("ok");
        before.ShouldNotBe(site.Dump(), "the sample after it was applied");
    }

    [Fact]
    public async Task A_plugin_that_calls_Environment_Exit_ends_only_its_worker()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Exiting);
        using var site = await TempSite.EnrolledAsync(host);
        await site.Agent.PullAsync();
        var (dump, file) = (site.Dump(), site.FileHash());

        var result = await site.Agent.ApplyAsync();

        result.Failed.ShouldBe(1);
        site.OutputLines.ShouldContain("FAILED Exiting.Update 1.0.0: apply failed: the worker process ended with exit code 42 before it finished (the plugin crashed or called Environment.Exit); nothing was committed");
        site.Dump().ShouldBe(dump);
        site.FileHash().ShouldBe(file);
        host.Reports.ShouldHaveSingleItem().Status.ShouldBe("failed");
    }

    [Fact]
    public async Task A_plugin_that_leaks_memory_fails_at_the_worker_heap_limit()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Leaking);
        using var site = await TempSite.EnrolledAsync(host);
        await site.Agent.PullAsync();
        var (dump, file) = (site.Dump(), site.FileHash());
        var agent = new SiteAgent(site.Database, new SiteAgentOptions { Clock = site.Clock, Output = site.Output, WorkerMemoryLimitBytes = 200L * 1024 * 1024, ReportRetryDelays = [], Rehearse = false });

        var result = await agent.ApplyAsync();

        result.Failed.ShouldBe(1);
        site.OutputLines.ShouldContain(l => l.StartsWith("FAILED Leaking.Update 1.0.0: apply failed: ", StringComparison.Ordinal) && l.Contains("memory", StringComparison.OrdinalIgnoreCase));
        site.Dump().ShouldBe(dump);
        site.FileHash().ShouldBe(file);
    }

    [Fact]
    public async Task Refuses_a_package_whose_hash_differs_from_the_one_applied_under_the_same_version()
    {
        await using var host = await StandInHost.StartAsync();
        var original = host.Publish(packages.Vat2024);
        using var site = await TempSite.EnrolledAsync(host);
        (await site.Agent.RunAsync()).Apply.Applied.ShouldBe(1);
        var other = PackageFile.WithManifest(packages.Vat2024, packages.NewFolder(), m => m with { Title = "Same id and version, other bytes" });
        var bytes = await File.ReadAllBytesAsync(other);
        var listing = original with { Sha512 = Convert.ToBase64String(SHA512.HashData(bytes)), Size = bytes.Length };
        new PackageCache(site.Paths.Packages).Add(other, listing);
        var before = site.Dump();

        var result = await site.Agent.ApplyAsync();

        result.ShouldBe(new ApplyResult(0, 1, 0, new ReportResult(1, 0)));
        site.OutputLines.ShouldContain($"FAILED Cz.Vat2024 1.0.0: not applied: Cz.Vat2024 1.0.0 was applied here from a package with SHA-512 {original.Sha512}, but this package's SHA-512 is {listing.Sha512}; a published version must never change.");
        host.Reports.Single(r => r.Status == "failed").Sha512.ShouldBe(listing.Sha512);
        site.Dump().ShouldBe(before);
    }

    [Fact]
    public async Task Writes_the_history_row_and_the_outbox_row_in_the_update_transaction_and_marks_both_when_sent()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Vat2024);
        host.RefuseReports = true;
        using var site = await TempSite.EnrolledAsync(host);

        await site.Agent.RunAsync();

        var row = site.Rows("SELECT h.report_id, o.status, o.sent_at, o.attempts FROM applayer_history h JOIN applayer_outbox o ON o.report_id = h.report_id").ShouldHaveSingleItem();
        (row[1], row[2], row[3]).ShouldBe(("applied", "NULL", "1"));
        host.RefuseReports = false;
        (await site.Agent.ReportAsync()).ShouldBe(new ReportResult(1, 0));
        site.Rows("SELECT sent_at IS NOT NULL FROM applayer_outbox")[0][0].ShouldBe("1");
        host.Reports.ShouldHaveSingleItem().ReportId.ShouldBe(row[0]);
    }

    [Fact]
    public async Task The_rehearsal_on_a_copy_stops_a_failing_update_before_the_real_database_is_opened()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Throwing);
        host.Publish(packages.Vat2024);
        using var site = await TempSite.EnrolledAsync(host);
        site.Rehearse = true;
        await site.Agent.PullAsync();
        var file = site.FileHash();

        var result = await site.Agent.ApplyAsync();

        (result.Applied, result.Failed).ShouldBe((1, 1));
        site.OutputLines.ShouldContain(l => l.StartsWith("FAILED Throwing.Update 1.0.0: not applied: the rehearsal on a copy of the IS database failed at apply: Throwing.Update gave up on purpose after changing the IS data; the IS database was locked throughout and is unchanged; the plugin logged: ", StringComparison.Ordinal));
        site.OutputLines.ShouldContain(l => l.StartsWith("Cz.Vat2024 (rehearsal):", StringComparison.Ordinal));
        File.Exists(site.Paths.SnapshotOf("Throwing.Update", "1.0.0")).ShouldBeFalse("the real database was never touched, so there is nothing to snapshot");
        File.Exists(site.Paths.SnapshotOf("Cz.Vat2024", "1.0.0")).ShouldBeTrue();
        File.Exists(site.Paths.Rehearsal).ShouldBeFalse();
        site.FileHash().ShouldNotBe(file);
        site.Rows("SELECT package_id FROM applayer_history").Select(r => r[0]).ShouldBe(["Cz.Vat2024"]);
    }

    [Fact]
    public async Task A_second_agent_on_the_same_installation_is_refused_while_the_first_works()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Hanging);
        using var site = await TempSite.EnrolledAsync(host);
        await site.Agent.PullAsync();
        var applayer = Path.Combine(AppContext.BaseDirectory, "applayer.dll");
        using var first = Process.Start(new ProcessStartInfo("dotnet", [applayer, "site", "apply", "--db", site.Database, "--no-report", "--no-rehearsal"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        try
        {
            while (await first.StandardOutput.ReadLineAsync() is { } line && !line.Contains("now hanging", StringComparison.Ordinal))
            {
                // wait until the first agent's worker is inside the update
            }

            var second = await site.Agent.ApplyAsync().ShouldThrowAsync<AppLayer.Protocol.UserException>();

            second.Message.ShouldBe($"another site agent is working on '{site.Database}' ({Path.Combine(site.Paths.Root, "agent.lock")} is held); try again when it has finished.");
        }
        finally
        {
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        using (var recover = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={site.Database};Pooling=False"))
        {
            recover.Open(); // read-write: SQLite rolls back what the killed worker left
        }

        site.Rows("PRAGMA integrity_check")[0][0].ShouldBe("ok");
        site.Rows("SELECT COUNT(*) FROM vat_rates WHERE rate_percent = 77")[0][0].ShouldBe("0");
    }

    [Fact]
    public async Task Refuses_to_start_on_a_disk_without_room_for_journal_rehearsal_and_snapshot()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Vat2024);
        using var site = await TempSite.EnrolledAsync(host);
        await site.Agent.PullAsync();
        var (dump, file) = (site.Dump(), site.FileHash());
        var agent = new SiteAgent(site.Database, new SiteAgentOptions { Output = site.Output, FreeDiskSpace = _ => 4 * 1024 * 1024 });

        var error = await agent.ApplyAsync().ShouldThrowAsync<AppLayer.Protocol.UserException>();

        error.Message.ShouldStartWith($"not enough free disk for {Path.GetDirectoryName(site.Database)}: 4.0 MiB free, applying needs about ");
        error.Message.ShouldEndWith("nothing was changed.");
        site.Dump().ShouldBe(dump);
        site.FileHash().ShouldBe(file);
    }

    [Fact]
    public async Task Refuses_a_cached_package_that_was_cut_short()
    {
        await using var host = await StandInHost.StartAsync();
        var listing = host.Publish(packages.Vat2024);
        using var site = await TempSite.EnrolledAsync(host);
        await site.Agent.PullAsync();
        var cached = Path.Combine(site.Paths.Packages, "cz.vat2024.1.0.0.nupkg");
        var bytes = await File.ReadAllBytesAsync(cached);
        await File.WriteAllBytesAsync(cached, bytes[..(bytes.Length / 2)]);
        var file = site.FileHash();

        var result = await site.Agent.ApplyAsync();

        result.Failed.ShouldBe(1);
        site.OutputLines.ShouldContain($"FAILED Cz.Vat2024 1.0.0: not applied: cached Cz.Vat2024 1.0.0 is {bytes.Length / 2} bytes but the host listed {listing.Size}; refused.");
        site.FileHash().ShouldBe(file);
    }
}
