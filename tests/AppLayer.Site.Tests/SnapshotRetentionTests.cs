using AppLayer.Site.Tests.Support;

namespace AppLayer.Site.Tests;

/// <summary>
/// Snapshots are pruned after a successful run: past both the count and the age of the retention, never the one the
/// newest applied update needs for rollback; the clock is the agent's (moved day by day here), and each deletion
/// is logged. <c>site check</c> says how many there are, their bytes and the oldest; <c>site plan</c> the disk a run needs.
/// </summary>
[Collection(BuiltPackages.Collection)]
public sealed class SnapshotRetentionTests(BuiltPackages packages)
{
    [Fact]
    public async Task Snapshots_past_the_age_go_one_day_at_a_time_but_the_newest_three_and_the_one_rollback_needs_stay()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Vat2024);
        using var site = await TempSite.EnrolledAsync(host);
        await site.Agent.PullAsync();
        (await site.Agent.ApplyAsync(report: false)).Applied.ShouldBe(1);
        var needed = site.Paths.SnapshotOf("Cz.Vat2024", "1.0.0");
        File.Exists(needed).ShouldBeTrue();
        var made = new List<string>();
        for (var day = 1; day <= 5; day++)
        {
            site.Clock.Advance(TimeSpan.FromDays(1));
            made.Add(Stamp(site, $"other.1.0.{day}.db"));
        }

        var counts = new List<int>();
        for (var day = 6; day <= 40; day++)
        {
            site.Clock.Advance(TimeSpan.FromDays(1));
            (await site.Agent.ApplyAsync(report: false)).Failed.ShouldBe(0);
            counts.Add(Directory.GetFiles(site.Paths.Snapshots, "*.db").Length);
        }

        // day 31: the first other one is 30 days old; day 32 the second; the third is 30 days old on day 33 but among the newest three.
        counts.Take(25).ShouldAllBe(c => c == 6);
        counts[25].ShouldBe(5);
        counts.Skip(26).ShouldAllBe(c => c == 4);
        File.Exists(needed).ShouldBeTrue("the newest applied update's rollback needs it, however old");
        Directory.GetFiles(site.Paths.Snapshots, "*.db").Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(["cz.vat2024.1.0.0.db", "other.1.0.3.db", "other.1.0.4.db", "other.1.0.5.db"]);
        var pruned = site.Log.WithId(4237);
        pruned.Select(p => Path.GetFileName((string)p["Snapshot"]!)).ShouldBe(["other.1.0.1.db", "other.1.0.2.db"]);
        site.OutputLines.ShouldContain(l => l.StartsWith("pruned snapshot other.1.0.1.db (", StringComparison.Ordinal));
        site.Log.WithId(4236).Count.ShouldBe(36, "after every run that failed nothing, the first one included");

        var check = await site.Agent.CheckAsync();
        var finding = check.Findings.Single(f => f.Check == "snapshots");
        finding.Message.ShouldStartWith("4 snapshot(s), ");
        finding.Message.ShouldContain("the oldest cz.vat2024.1.0.0.db taken 2024-12-20 (40 days ago)");
        finding.Message.ShouldContain("retention: the newest 3 and those younger than 30 days");
    }

    [Fact]
    public async Task Of_many_snapshots_a_run_keeps_what_the_retention_set_in_the_site_settings_says()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Vat2024);
        using var site = await TempSite.EnrolledAsync(host);
        await site.Agent.PullAsync();
        (await site.Agent.ApplyAsync(report: false)).Applied.ShouldBe(1);
        for (var day = 1; day <= 60; day++)
        {
            site.Clock.Advance(TimeSpan.FromDays(1));
            Stamp(site, $"many.1.0.{day}.db");
        }

        var (retention, listed) = await site.Agent.SnapshotsAsync(keep: 5, days: 10);
        retention.ShouldBe(new Agent.SnapshotRetention(5, 10));
        listed.Count.ShouldBe(61);
        (await site.Agent.SnapshotsAsync()).Retention.ShouldBe(retention, "kept in the site settings");

        (await site.Agent.ApplyAsync(report: false)).Failed.ShouldBe(0);

        // days 51..60 are younger than 10 days (day 50 is 10 days old), and the Vat2024 one stays
        Directory.GetFiles(site.Paths.Snapshots, "*.db").Length.ShouldBe(11);
        File.Exists(site.Paths.SnapshotOf("Cz.Vat2024", "1.0.0")).ShouldBeTrue();
        site.Log.WithId(4237).Count.ShouldBe(50);
        (await site.Agent.SnapshotsAsync(keep: 0).ShouldThrowAsync<AppLayer.Protocol.UserException>()).Message.ShouldContain("--keep of at least 1");
    }

    [Fact]
    public async Task The_plan_shows_the_disk_a_run_needs_and_warns_when_it_is_not_free()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Vat2024);
        using var site = await TempSite.EnrolledAsync(host);
        await site.Agent.PullAsync();
        var size = new FileInfo(site.Database).Length;
        SiteAgent Agent(long free) => new(site.Database, new SiteAgentOptions { Clock = site.Clock, Output = site.Output, FreeDiskSpace = _ => free });

        var roomy = await Agent(10L * 1024 * 1024 * 1024).PlanAsync();
        var tight = await Agent(size).PlanAsync();

        roomy.DiskNeededBytes.ShouldBe((3 * size) + (16L * 1024 * 1024), "journal, rehearsal copy and snapshot");
        roomy.DiskFreeBytes.ShouldBe(10L * 1024 * 1024 * 1024);
        roomy.Disk.ShouldStartWith("10240.0 MiB free, applying needs about ");
        roomy.Disk.ShouldContain("(journal, rehearsal copy, snapshot of a ");
        roomy.Warnings.ShouldNotContain(w => w.StartsWith("not enough free disk", StringComparison.Ordinal));
        tight.Warnings.ShouldContain(w => w.StartsWith("not enough free disk for ", StringComparison.Ordinal) && w.EndsWith("site run will refuse to start", StringComparison.Ordinal));
    }

    /// <summary>A small stand-in snapshot, stamped with the agent's clock as the agent stamps its own.</summary>
    private static string Stamp(TempSite site, string name)
    {
        var file = Path.Combine(site.Paths.Snapshots, name);
        File.WriteAllBytes(file, new byte[4096]);
        File.SetLastWriteTimeUtc(file, site.Clock.GetUtcNow().UtcDateTime);
        return file;
    }
}
