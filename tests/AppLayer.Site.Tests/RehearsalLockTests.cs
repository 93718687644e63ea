using AppLayer.Site.Tests.Support;

namespace AppLayer.Site.Tests;

/// <summary>
/// The live IS database is locked for the whole of an update's run, its rehearsal included: a real compiled plugin
/// that, while rehearsed on the copy, opens the live database by path and sets a salary to 1.00 CZK changes nothing,
/// sandboxed (the live file is not in its sandbox) or not (the applying worker holds the write lock), and the failure
/// report says what the plugin did.
/// </summary>
[Collection(BuiltPackages.Collection)]
public sealed class RehearsalLockTests(BuiltPackages packages)
{
    private const string JanasSalary = "SELECT monthly_salary_h FROM employees WHERE personal_number = '0001'";

    [Fact]
    public async Task A_sandboxed_rehearsal_does_not_even_see_the_live_database()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Reaching);
        using var site = await TempSite.EnrolledAsync(host);
        await site.Agent.PullAsync();
        var file = site.FileHash();
        var agent = Agent(site, unsandboxed: false);

        var result = await agent.ApplyAsync(report: false);

        result.Failed.ShouldBe(1);
        result.Applied.ShouldBe(0);
        site.FileHash().ShouldBe(file, "the live database is byte for byte as it was");
        site.Rows(JanasSalary)[0][0].ShouldBe("4200000");
        site.OutputLines.ShouldContain($"Reaching.Update (rehearsal): warning: the live database {site.Database} is not there to reach", string.Join('\n', site.OutputLines));
        var report = site.Outbox().Single();
        report.Status.ShouldBe("failed");
        report.Message.ShouldContain("the rehearsal on a copy of the IS database failed at verify: Reaching.Update fails its rehearsal on purpose");
        report.Message.ShouldContain("the IS database was locked throughout and is unchanged");
        report.Message.ShouldContain("is not there to reach", Case.Sensitive, "the report says what the plugin tried");
        site.Log.Entries.ShouldContain(e => e.EventId == 4239);
    }

    [Fact]
    public async Task An_unsandboxed_rehearsal_finds_the_live_database_locked_and_changes_nothing()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Reaching);
        using var site = await TempSite.EnrolledAsync(host);
        await site.Agent.PullAsync();
        var file = site.FileHash();
        var agent = Agent(site, unsandboxed: true);

        var result = await agent.ApplyAsync(report: false);

        site.FileHash().ShouldBe(file, "nothing but the agent's transaction may write to the live database: " + string.Join('\n', site.OutputLines));
        site.Rows(JanasSalary)[0][0].ShouldBe("4200000");
        result.Failed.ShouldBe(1);
        site.OutputLines.ShouldContain(l => l.StartsWith($"Reaching.Update (rehearsal): warning: could not change the live database {site.Database}: ", StringComparison.Ordinal) && l.Contains("database is locked", StringComparison.Ordinal));
        var report = site.Outbox().Single();
        report.Status.ShouldBe("failed");
        report.Message.ShouldContain("the IS database was locked throughout and is unchanged");
        report.Message.ShouldContain("could not change the live database");
        report.Message.ShouldContain("database is locked");
        site.Log.Entries.ShouldContain(e => e.EventId == 4232);
        site.Log.Entries.ShouldContain(e => e.EventId == 4239);
        site.Log.Entries.ShouldNotContain(e => e.EventId == 4238);
    }

    private static SiteAgent Agent(TempSite site, bool unsandboxed) =>
        new(site.Database, new SiteAgentOptions
        {
            Clock = site.Clock,
            Output = site.Output,
            ReportRetryDelays = [],
            Rehearse = true,
            BubblewrapPath = unsandboxed ? Path.Combine(site.Paths.Root, "no-such-bwrap") : null,
            AllowUnsandboxed = unsandboxed,
            Logger = site.Log,
        });
}
