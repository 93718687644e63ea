using System.Diagnostics;
using System.Security.Cryptography;
using AppLayer.Site.Tests.Support;

namespace AppLayer.Site.Tests;

/// <summary>
/// A plugin cannot damage what it was not given: each worker runs in a private mount namespace (bubblewrap) with
/// its own PID namespace and a native memory limit. Real compiled plugins leave processes behind, overwrite the
/// agent's files beside the database and allocate native memory; the agent's files and the IS data are as they were.
/// </summary>
[Collection(BuiltPackages.Collection)]
public sealed class SandboxTests(BuiltPackages packages)
{
    [Fact]
    public async Task Processes_a_plugin_leaves_behind_end_with_its_worker_and_do_not_keep_the_agent_waiting()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Detaching);
        using var site = await TempSite.EnrolledAsync(host);
        await site.Agent.PullAsync();
        var watch = Stopwatch.StartNew();

        var result = await site.Agent.ApplyAsync();

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20), "a process holding the worker's stdout (sleep 60) must not keep the agent waiting");
        result.Applied.ShouldBe(1);
        site.OutputLines.ShouldContain("Detaching.Update: left two processes behind");
        var applied = site.FileHash();
        await Task.Delay(TimeSpan.FromSeconds(5)); // the detached one would overwrite the database header after 3 s
        site.FileHash().ShouldBe(applied, "nothing writes to the database after the agent reported applied");
        site.Rows("PRAGMA integrity_check")[0][0].ShouldBe("ok");
        site.Rows("SELECT COUNT(*) FROM sqlite_master WHERE name = 'detaching_update_was_here'")[0][0].ShouldBe("1");
    }

    [Fact]
    public async Task A_plugin_cannot_change_the_agents_snapshots_trust_metadata_or_package_cache()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Vat2024);
        using var site = await TempSite.EnrolledAsync(host);
        (await site.Agent.RunAsync()).Apply.Applied.ShouldBe(1);
        host.Publish(packages.Trampling);
        await site.Agent.PullAsync();
        var before = AgentFiles(site);
        before.Keys.ShouldContain(k => k.StartsWith("snapshots/", StringComparison.Ordinal));
        before.Keys.ShouldContain(k => k.StartsWith("tuf/", StringComparison.Ordinal));
        before.Keys.ShouldContain(k => k.StartsWith("packages/", StringComparison.Ordinal));

        var result = await site.Agent.ApplyAsync();

        result.Applied.ShouldBe(1, "the writes landed nowhere");
        site.OutputLines.ShouldContain(l => l.StartsWith("Trampling.Update: overwrote 0 file(s)", StringComparison.Ordinal));
        var after = AgentFiles(site);
        foreach (var (file, hash) in before)
        {
            after.GetValueOrDefault(file).ShouldBe(hash, file);
        }

        after.Keys.ShouldNotContain("planted.txt");
        File.Exists(site.Paths.SnapshotOf("Trampling.Update", "1.0.0")).ShouldBeTrue("the agent took the snapshot before the worker started");
        site.Rows("SELECT COUNT(*) FROM sqlite_master WHERE name = 'trampling_update_was_here'")[0][0].ShouldBe("1");
    }

    [Fact]
    public async Task The_rehearsal_worker_cannot_change_the_agents_files_either()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Vat2024);
        using var site = await TempSite.EnrolledAsync(host);
        (await site.Agent.RunAsync()).Apply.Applied.ShouldBe(1);
        host.Publish(packages.Trampling);
        await site.Agent.PullAsync();
        var before = AgentFiles(site);
        site.Rehearse = true;

        var result = await site.Agent.ApplyAsync();

        result.Applied.ShouldBe(1);
        site.OutputLines.ShouldContain(l => l.StartsWith("Trampling.Update (rehearsal): overwrote ", StringComparison.Ordinal), "only the rehearsal copy and its journal are there to overwrite");
        var after = AgentFiles(site);
        foreach (var (file, hash) in before)
        {
            after.GetValueOrDefault(file).ShouldBe(hash, file);
        }
    }

    [Fact]
    public async Task A_plugin_that_allocates_native_memory_fails_with_out_of_memory_and_nothing_is_kept()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.NativeLeaking);
        using var site = await TempSite.EnrolledAsync(host);
        await site.Agent.PullAsync();
        var (dump, file) = (site.Dump(), site.FileHash());
        var agent = new SiteAgent(site.Database, new SiteAgentOptions { Clock = site.Clock, Output = site.Output, WorkerMemoryLimitBytes = 200L * 1024 * 1024, ReportRetryDelays = [], Rehearse = false, Snapshots = false });

        var result = await agent.ApplyAsync();

        result.Failed.ShouldBe(1);
        site.OutputLines.ShouldContain(l => l.StartsWith("FAILED NativeLeaking.Update 1.0.0: apply failed: ", StringComparison.Ordinal) && l.Contains("out of memory", StringComparison.OrdinalIgnoreCase), string.Join('\n', site.OutputLines));
        site.Dump().ShouldBe(dump);
        site.FileHash().ShouldBe(file);
    }

    [Fact]
    public async Task Without_the_sandbox_no_plugin_runs_unless_the_operator_allows_it_and_plan_and_check_say_so()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Vat2024);
        using var site = await TempSite.EnrolledAsync(host);
        await site.Agent.PullAsync();
        var file = site.FileHash();
        var missing = Path.Combine(site.Paths.Root, "no-such-bwrap");
        SiteAgent Agent(bool allow) => new(site.Database, new SiteAgentOptions { Clock = site.Clock, Output = site.Output, ReportRetryDelays = [], Rehearse = false, BubblewrapPath = missing, AllowUnsandboxed = allow, Logger = site.Log });

        var refused = await Agent(false).ApplyAsync(report: false).ShouldThrowAsync<AppLayer.Protocol.UserException>();

        refused.Message.ShouldStartWith($"no update plugin was run: bubblewrap ({missing}) was not found");
        refused.Message.ShouldContain("--allow-unsandboxed");
        site.FileHash().ShouldBe(file);
        (await Agent(false).PlanAsync()).Warnings.ShouldContain(w => w.StartsWith("the worker sandbox is not available", StringComparison.Ordinal) && w.Contains("--allow-unsandboxed", StringComparison.Ordinal));
        var check = await Agent(false).CheckAsync();
        check.Findings.Single(f => f.Check == "sandbox").Severity.ShouldBe("error");
        site.Log.Entries.ShouldContain(e => e.EventId == 4231);

        (await Agent(true).ApplyAsync(report: false)).Applied.ShouldBe(1);
        site.Log.Entries.ShouldContain(e => e.EventId == 4232);
        (await site.Agent.CheckAsync()).Findings.Single(f => f.Check == "sandbox").Severity.ShouldBe("ok");
    }

    /// <summary>The SHA-256 of every file in <c>&lt;db&gt;.applayer/</c>, by path inside it.</summary>
    private static Dictionary<string, string> AgentFiles(TempSite site) =>
        Directory.GetFiles(site.Paths.Root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "agent.lock")
            .ToDictionary(f => Path.GetRelativePath(site.Paths.Root, f).Replace('\\', '/'), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
