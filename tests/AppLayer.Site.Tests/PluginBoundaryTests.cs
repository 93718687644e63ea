using AppLayer.Protocol;
using AppLayer.Site.Packages;
using AppLayer.Site.Tests.Support;

namespace AppLayer.Site.Tests;

/// <summary>
/// A plugin cannot damage what it was not given: real compiled plugins that try to commit past the agent's
/// transaction are stopped with the database byte for byte as before, and one that wrecks the database file
/// and kills its worker is reported as damage, after which the agent refuses to apply anything more.
/// </summary>
[Collection(BuiltPackages.Collection)]
public sealed class PluginBoundaryTests(BuiltPackages packages)
{
    [Fact]
    public async Task A_plugin_that_commits_through_the_given_connection_keeps_nothing_and_fails_with_one_reason()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Escaping);
        using var site = await TempSite.EnrolledAsync(host);
        await site.Agent.PullAsync();
        var (dump, file) = (site.Dump(), site.FileHash());

        var result = await site.Agent.ApplyAsync();

        result.Failed.ShouldBe(1);
        const string Reason = "the update tried to control the transaction: COMMIT was refused; an update runs inside the agent's one transaction and must not end, nest or step around it";
        site.OutputLines.ShouldContain("FAILED Escaping.Update 1.0.0: apply failed: " + Reason);
        site.OutputLines.ShouldContain(l => l.Contains("refused: SAVEPOINT side_door", StringComparison.Ordinal) && l.Contains("not authorized", StringComparison.Ordinal));
        site.OutputLines.ShouldContain(l => l.Contains("refused: ATTACH", StringComparison.Ordinal));
        site.OutputLines.ShouldContain(l => l.Contains("refused: PRAGMA journal_mode = OFF", StringComparison.Ordinal));
        site.OutputLines.ShouldContain(l => l.Contains("refused: PRAGMA writable_schema = ON", StringComparison.Ordinal));
        site.FileHash().ShouldBe(file);
        site.Dump().ShouldBe(dump);
        File.Exists(site.Database + "-journal").ShouldBeFalse();
        host.Reports.ShouldHaveSingleItem().Message.ShouldBe("apply failed: " + Reason);
        site.Log.WithId(4224).ShouldHaveSingleItem()["PackageId"].ShouldBe("Escaping.Update");
    }

    [Fact]
    public async Task A_plugin_that_wrecks_the_file_and_fails_fast_is_reported_as_damage_and_nothing_more_is_applied()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Corrupting);
        using var site = await TempSite.EnrolledAsync(host);
        await site.Agent.PullAsync();

        var result = await site.Agent.ApplyAsync();

        result.Failed.ShouldBe(1);
        var failed = site.OutputLines.Where(l => l.StartsWith("FAILED Corrupting.Update 1.0.0: ", StringComparison.Ordinal)).ShouldHaveSingleItem();
        failed.ShouldContain("the worker process ended with exit code ");
        failed.ShouldContain("; the IS database is damaged (quick_check: ");
        failed.ShouldEndWith("): it is marked damaged and nothing more is applied until an operator restores it from a backup");
        failed.ShouldNotContain("nothing was committed");
        File.Exists(site.Paths.Damaged).ShouldBeTrue();
        var report = host.Reports.ShouldHaveSingleItem();
        report.Status.ShouldBe("failed");
        report.Message.ShouldContain("the IS database is damaged");
        site.Log.WithId(4227).ShouldHaveSingleItem()["PackageId"].ShouldBe("Corrupting.Update");

        // The next apply, with a good update waiting in the cache, is refused before anything is written.
        var waiting = Path.Combine(packages.NewFolder(), Path.GetFileName(packages.Vat2024));
        File.Copy(packages.Vat2024, waiting); // the cache takes the file it is given
        new PackageCache(site.Paths.Packages).Add(waiting, host.Publish(packages.Vat2024));
        var (file, outbox) = (site.FileHash(), Directory.GetFiles(site.Paths.Outbox).Length);

        var refused = await site.Agent.ApplyAsync().ShouldThrowAsync<UserException>();
        var refusedRun = await site.Agent.RunAsync().ShouldThrowAsync<UserException>();

        refused.Message.ShouldStartWith($"the IS database '{site.Database}' is damaged (quick_check: ");
        refused.Message.ShouldContain("after Corrupting.Update 1.0.0 failed); nothing is applied until an operator restores it from a backup and then runs: ");
        refused.Message.ShouldEndWith($"applayer site check --db {site.Database} --clear-damage");
        refused.Message.ShouldNotContain('\n');
        refusedRun.Message.ShouldBe(refused.Message);
        site.FileHash().ShouldBe(file);
        Directory.GetFiles(site.Paths.Outbox).Length.ShouldBe(outbox);
        host.Reports.Count.ShouldBe(1);
        site.Log.WithId(4228).Count.ShouldBe(2);

        // Clearing the mark needs a whole database: refused while damaged, done once restored from the snapshot.
        (await site.Agent.ClearDamageAsync().ShouldThrowAsync<UserException>()).Message.ShouldStartWith($"the IS database '{site.Database}' is still damaged (integrity_check: ");
        File.Copy(site.Paths.SnapshotOf("Corrupting.Update", "1.0.0"), site.Database, overwrite: true);

        (await site.Agent.ClearDamageAsync()).ShouldBeTrue();

        File.Exists(site.Paths.Damaged).ShouldBeFalse();
        site.Log.WithId(4229).ShouldHaveSingleItem();
        site.Rows("PRAGMA integrity_check")[0][0].ShouldBe("ok");
    }

    [Fact]
    public async Task A_worker_failure_that_left_the_database_whole_is_checked_and_not_marked()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Exiting);
        using var site = await TempSite.EnrolledAsync(host);
        await site.Agent.PullAsync();

        (await site.Agent.ApplyAsync()).Failed.ShouldBe(1);

        File.Exists(site.Paths.Damaged).ShouldBeFalse();
        site.Log.WithId(4226).ShouldHaveSingleItem()["Result"].ShouldBe("ok");
        (await site.Agent.ClearDamageAsync()).ShouldBeFalse();
        site.OutputLines.ShouldContain($"{site.Database} is not marked damaged; nothing to clear");
    }
}
