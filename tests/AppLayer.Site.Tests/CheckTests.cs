using AppLayer.Site.Tests.Support;

namespace AppLayer.Site.Tests;

/// <summary><c>site check</c>: findings with severity and recommendation, recorded in the IS database, and the inventory.</summary>
public sealed class CheckTests
{
    [Fact]
    public async Task Records_each_finding_and_flags_growth_missing_statistics_and_a_full_disk()
    {
        await using var host = await StandInHost.StartAsync();
        using var site = await TempSite.EnrolledAsync(host);
        var agent = new SiteAgent(site.Database, new SiteAgentOptions { Clock = site.Clock, Output = site.Output, FreeDiskSpace = _ => 10L * 1024 * 1024 * 1024 });

        var first = await agent.CheckAsync();

        first.Findings.Select(f => f.Check).ShouldBe(["integrity", "free-disk", "db-growth", "statistics", "snapshots", "sandbox", "cpu", "memory", "uptime"]);
        first.Findings.Single(f => f.Check == "integrity").Severity.ShouldBe("ok");
        first.Findings.Single(f => f.Check == "db-growth").Severity.ShouldBe("info");
        var statistics = first.Findings.Single(f => f.Check == "statistics");
        (statistics.Severity, statistics.Recommendation).ShouldBe(("warning", "run ANALYZE in the maintenance window"));
        first.Inventory.Keys.ShouldBe(["os", "dotnet", "sqlite", "is"]);
        first.Inventory["is"].ShouldBe("5.2.0");
        first.ExitCode.ShouldBe(0);
        site.Rows("SELECT COUNT(*) FROM applayer_findings")[0][0].ShouldBe(first.Findings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

        site.AddCrashRows(50_000);
        site.Rows("SELECT COUNT(*) FROM crash_rows"); // the file has grown
        var full = new SiteAgent(site.Database, new SiteAgentOptions { Clock = site.Clock, Output = site.Output, FreeDiskSpace = _ => 1024 });

        var second = await full.CheckAsync();

        second.Findings.Single(f => f.Check == "db-growth").Severity.ShouldBe("warning");
        second.Findings.Single(f => f.Check == "free-disk").ShouldSatisfyAllConditions(
            f => f.Severity.ShouldBe("error"),
            f => f.Message.ShouldStartWith("0.0 MiB free beside a "));
        second.ExitCode.ShouldBe(2);
    }
}
