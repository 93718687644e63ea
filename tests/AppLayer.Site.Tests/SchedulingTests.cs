using AppLayer.Site.Planning;
using AppLayer.Protocol;
using AppLayer.Site.Scheduling;
using AppLayer.Site.Tests.Support;

namespace AppLayer.Site.Tests;

/// <summary>The plan, the maintenance window in the installation's time zone, --now and emergency legal updates.</summary>
[Collection(BuiltPackages.Collection)]
public sealed class SchedulingTests(BuiltPackages packages)
{
    [Fact]
    public async Task Plans_dependencies_first_blocks_other_IS_versions_and_warns_about_effective_dates_without_changing_anything()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(PackageFile.WithManifest(packages.Vat2024, packages.NewFolder(), m => m with { Dependencies = [new("Cz.MinimumWage2025", "1.0.0")] }));
        host.Publish(packages.MinimumWage2025);
        host.Publish(PackageFile.WithManifest(packages.Throwing, packages.NewFolder(), m => m with { IsVersionRange = "[6.0,7.0)" }));
        using var site = await TempSite.EnrolledAsync(host);
        await site.Agent.PullAsync();
        var before = site.Dump();

        var plan = await site.Agent.PlanAsync();

        plan.Items.Select(i => $"{i.Order} {i.Action.ToName()} {i.Id}").ShouldBe(["1 apply Cz.MinimumWage2025", "2 apply Cz.Vat2024", " blocked Throwing.Update"]);
        plan.Items[2].Reason.ShouldBe("it supports IS versions [6.0,7.0) but this IS is 5.2.0");
        (plan.IsVersion, plan.TimeZone, plan.MaintenanceWindow, plan.WindowOpen).ShouldBe(("5.2.0", "Europe/Prague", null, true));
        plan.Warnings.ShouldBe(
        [
            "Cz.MinimumWage2025 1.0.0 (Government Regulation No. 286/2024 Coll. amending Regulation No. 567/2006 Coll.) takes effect on 2025-01-01, in 12 day(s), and is not applied yet",
            "Cz.Vat2024 1.0.0 (Act No. 349/2023 Coll.) took effect on 2024-01-01, 354 day(s) ago, and is NOT applied",
        ]);
        site.Dump().ShouldBe(before);
    }

    [Fact]
    public async Task Applies_nothing_outside_the_maintenance_window_unless_now()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Vat2024);
        using var site = await TempSite.EnrolledAsync(host);
        await site.Agent.SetWindowAsync("22:00", "05:00"); // 09:30 UTC is 10:30 in Prague: closed
        await site.Agent.PullAsync();
        var before = site.Dump();

        var closed = await site.Agent.ApplyAsync();

        (closed.Applied, closed.Waiting).ShouldBe((0, 1));
        site.OutputLines.ShouldContain("waiting Cz.Vat2024 1.0.0: outside the maintenance window 22:00–05:00 Europe/Prague; it opens at 2024-12-20 22:00 Europe/Prague (run with --now to apply anyway)");
        site.Dump().ShouldBe(before);
        (await site.Agent.PlanAsync()).Items.ShouldHaveSingleItem().Action.ShouldBe(PlanAction.Wait);

        var forced = await site.Agent.ApplyAsync(report: true, now: true);

        forced.Applied.ShouldBe(1);
    }

    [Fact]
    public async Task Applies_an_emergency_legal_update_outside_the_window_and_records_that_it_did()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(PackageFile.WithManifest(packages.Vat2024, packages.NewFolder(), m => m with { Emergency = true }));
        host.Publish(packages.MinimumWage2025);
        using var site = await TempSite.EnrolledAsync(host);
        await site.Agent.SetWindowAsync("22:00", "05:00");

        var run = await site.Agent.RunAsync();

        (run.Apply.Applied, run.Apply.Waiting).ShouldBe((1, 1));
        const string note = "emergency legal update: applied outside the maintenance window 22:00–05:00 Europe/Prague";
        site.Rows("SELECT package_id, message FROM applayer_history").ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            r => r[0].ShouldBe("Cz.Vat2024"),
            r => r[1].ShouldEndWith(note));
        host.Reports.ShouldHaveSingleItem().Message.ShouldEndWith(note);
    }

    [Theory]
    [InlineData("2024-07-01T20:30:00Z", true)] // 22:30 summer time
    [InlineData("2024-01-01T20:30:00Z", false)] // 21:30 winter time
    [InlineData("2024-01-02T03:59:00Z", true)] // 04:59 after midnight
    [InlineData("2024-01-02T04:00:00Z", false)] // 05:00: closed
    public void The_window_follows_the_installation_time_zone_across_midnight_and_daylight_saving(string utc, bool open)
    {
        var window = MaintenanceWindow.Parse("22:00", "05:00", "Europe/Prague");

        window.IsOpen(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(open);
    }

    [Theory]
    [InlineData("25:00", "05:00", "Europe/Prague", "a maintenance window is two times HH:mm")]
    [InlineData("22:00", "22:00", "Europe/Prague", "must not start and end at the same time")]
    [InlineData("22:00", "05:00", "Mars/Olympus", "time zone 'Mars/Olympus' is not an IANA time zone")]
    public void Refuses_a_window_that_is_not_one(string start, string end, string zone, string message) =>
        Should.Throw<AppLayer.Protocol.UserException>(() => MaintenanceWindow.Parse(start, end, zone)).Message.ShouldContain(message);
}
