using AppLayer.Site.Tests.Support;

namespace AppLayer.Site.Tests;

/// <summary>
/// A plugin cannot damage what it was not given: real compiled plugins that try to commit past the agent's
/// transaction are stopped with the database byte for byte as before.
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
}
