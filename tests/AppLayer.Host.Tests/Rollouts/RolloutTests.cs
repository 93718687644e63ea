using System.Net;
using System.Net.Http.Json;
using AppLayer.Core.Installations;
using AppLayer.Core.Rollouts;
using AppLayer.Host.Tests.Api;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;
using Microsoft.Extensions.DependencyInjection;

namespace AppLayer.Host.Tests.Rollouts;

/// <summary>
/// Staged rollouts over the API on a fleet of 2,000 installations: rings open day by day with the clock, the failure
/// rule halts from the sites' reports, managers resume and abort, freezes hold normal updates back, and a plan that
/// cannot reach its last ring before the effective date says so.
/// </summary>
public sealed class RolloutTests : SiteEndpointsTests.WithSite
{
    private const int Fleet = 2000;

    private RolloutService Rollouts => Host.Services.GetRequiredService<RolloutService>();

    [Fact]
    public void Rings_come_from_a_stable_hash_of_the_installation_and_cover_their_shares()
    {
        var codes = Enumerable.Range(1, 10_000).Select(i => BulkRows.Code("site", i)).ToList();
        var buckets = codes.Select(RolloutRings.Bucket).ToList();
        buckets.ShouldAllBe(b => b >= 0 && b < 10_000);
        codes.Select(RolloutRings.Bucket).ShouldBe(buckets, "the same code lands in the same bucket every time");
        RolloutRings.Bucket("SITE-00001").ShouldBe(RolloutRings.Bucket("site-00001"), "codes are case-insensitive");

        // Shares of 10,000 installations per ring: a hash, so near 1 %, 9 %, 40 %, 50 %, not exactly.
        var rollout = Plan([1, 10, 50, 100], []);
        var perRing = codes.GroupBy(c => RolloutRings.RingOf(rollout, c, 1)).ToDictionary(g => g.Key, g => g.Count());
        perRing.Keys.Order().ShouldBe([0, 1, 2, 3]);
        perRing[0].ShouldBeInRange(60, 140);
        perRing[1].ShouldBeInRange(800, 1000);
        perRing[2].ShouldBeInRange(3800, 4200);
        perRing[3].ShouldBeInRange(4800, 5200);

        // A canary customer's installations are ring 0 whatever their hash; everyone else moves one ring on.
        var canary = Plan([1, 10, 50, 100], [7]);
        codes.ShouldAllBe(c => RolloutRings.RingOf(canary, c, 7) == 0);
        codes.ShouldAllBe(c => RolloutRings.RingOf(canary, c, 1) == RolloutRings.RingOf(rollout, c, 1) + 1);
    }

    [Fact]
    public async Task Rings_open_day_by_day_and_the_same_installations_stay_in_them_across_a_halt_and_a_resume()
    {
        await Manager.CoveredCustomerAsync("fleet", "accounting");
        await Host.AddInstallationsAsync("fleet", Fleet, "accounting");
        await PushAsync("Cz.Vat2024", "1.0.0", "accounting");
        var created = await Manager.PostJsonAsync<RolloutDto>("/api/rollouts", new CreateRolloutRequest("Cz.Vat2024", "1.0"));
        created.Rings.Select(r => $"{r.Name} {r.BakeHours} {r.Open}").ShouldBe(["1% 24 True", "10% 24 False", "50% 24 False", "100% 24 False"]);
        var fleet = (await Host.Services.GetRequiredService<IInstallationStore>().ListAsync(default)).Where(i => i.Code.StartsWith("fleet-0", StringComparison.Ordinal)).ToList();
        fleet.Count.ShouldBe(Fleet);

        // Independently of the rollout code: which buckets each day's share covers.
        int Expected(int percent) => fleet.Count(i => RolloutRings.Bucket(i.Code) < percent * 100);
        var offered = new List<HashSet<string>>();
        foreach (var (day, percent) in new[] { (0, 1), (1, 10), (2, 50), (3, 100), (4, 100) })
        {
            var now = await OfferedAsync(fleet);
            now.Count.ShouldBe(Expected(percent), $"day {day}");
            if (offered.Count > 0)
            {
                now.IsSupersetOf(offered[^1]).ShouldBeTrue($"day {day}: every installation offered it the day before still is");
            }

            offered.Add(now);
            Host.Time.Advance(TimeSpan.FromDays(1));
        }

        // Start again with a second version; halt on day 1 for three days: ring 2 opens three days late, to the same sites.
        await PushAsync("Cz.Vat2024", "1.1.0", "accounting");
        await Manager.PostJsonAsync<RolloutDto>("/api/rollouts", new CreateRolloutRequest("Cz.Vat2024", "1.1.0"));
        Host.Time.Advance(TimeSpan.FromDays(1));
        var beforeHalt = await OfferedAsync(fleet, "1.1.0");
        beforeHalt.Count.ShouldBe(Expected(10));
        var halted = await Manager.PostJsonAsync<RolloutDto>("/api/rollouts/Cz.Vat2024/1.1.0/halt", new RolloutActionRequest("checking a report"), HttpStatusCode.OK);
        halted.State.ShouldBe("halted");
        for (var day = 0; day < 3; day++)
        {
            (await OfferedAsync(fleet, "1.1.0")).ShouldBeEmpty($"halted, day {day}");
            Host.Time.Advance(TimeSpan.FromDays(1));
        }

        var resumed = await Manager.PostJsonAsync<RolloutDto>("/api/rollouts/Cz.Vat2024/1.1.0/resume", new RolloutActionRequest("report explained"), HttpStatusCode.OK);
        resumed.Rings.Count(r => r.Open).ShouldBe(2, "the three halted days do not count toward the 10 % ring's bake");
        (await OfferedAsync(fleet, "1.1.0")).SetEquals(beforeHalt).ShouldBeTrue();
        Host.Time.Advance(TimeSpan.FromDays(1));
        (await OfferedAsync(fleet, "1.1.0")).Count.ShouldBe(Expected(50));
        resumed.Events.Select(e => $"{e.Action} {e.Reason}").ShouldBe(["created rings 1%,10%,50%,100%", "halted checking a report", "resumed report explained"]);
    }

    [Fact]
    public async Task The_failure_rule_halts_from_the_reports_and_the_version_is_offered_to_nobody_until_resumed()
    {
        await Manager.CoveredCustomerAsync("fleet", "accounting");
        var ids = await Host.AddInstallationsAsync("fleet", 40, "accounting");
        await PushAsync("Cz.Vat2024", "1.0.0", "accounting");
        var created = await Manager.PostJsonAsync<RolloutDto>("/api/rollouts", new CreateRolloutRequest("Cz.Vat2024", "1.0.0", Canary: ["novak"], HaltMinimum: 3, HaltRate: 0.25));
        created.Rings[0].ShouldBe(new RolloutRingDto(0, "canary", 0, 24, Host.Time.GetUtcNow(), true));
        created.Canary.ShouldBe(["novak"]);
        (await Site.GetJsonAsync<AvailableUpdateDto[]>("/api/site/updates")).Select(u => u.Id).ShouldBe(["Cz.Vat2024"], "the canary customer gets it at once");

        // Two sites failed, six applied: 2 of 8 is 25 %, but the rule needs 3. The canary's failure is the third: 3 of 9.
        var at = Host.Time.GetUtcNow();
        await Host.AddDeploymentsAsync(ids.Take(2), "Cz.Vat2024", DeploymentStatus.Failed, at);
        await Host.AddDeploymentsAsync(ids.Skip(2).Take(6), "Cz.Vat2024", DeploymentStatus.Applied, at);
        (await Site.PostAsJsonAsync("/api/site/reports", Report("r-ok", "Cz.Vat2024", "applied"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Manager.GetJsonAsync<RolloutDto>("/api/rollouts/Cz.Vat2024/1.0.0")).State.ShouldBe("active");
        (await Site.PostAsJsonAsync("/api/site/reports", Report("r-bad", "Cz.Vat2024", "failed"))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var halted = await Manager.GetJsonAsync<RolloutDto>("/api/rollouts/Cz.Vat2024/1.0.0");
        halted.State.ShouldBe("halted");
        halted.Reports.ShouldBe(new RolloutCountsDto(6, 3, 0), "novak-prod counts once, by its worst report");
        halted.Events[^1].ShouldSatisfyAllConditions(
            e => e.Action.ShouldBe("halted"),
            e => e.Actor.ShouldBe(RolloutService.HaltRule),
            e => e.Reason.ShouldBe("3 of the 9 installations that reported it failed or rolled it back (33 %; the rule halts at 25 % with at least 3)"));
        halted.Warnings.ShouldContain(w => w.StartsWith("halted:", StringComparison.Ordinal));
        (await Site.GetJsonAsync<AvailableUpdateDto[]>("/api/site/updates")).ShouldBeEmpty();
        (await Manager.GetJsonAsync<HistoryEventDto[]>("/api/customers/novak/history?kind=rollout-halted")).Single().Detail
            .ShouldStartWith("rollout halted by the failure rule: 3 of the 9");
        (await Manager.GetJsonAsync<HistoryEventDto[]>("/api/customers/fleet/history?kind=rollout-halted")).Length.ShouldBe(1);

        // A halted rollout is not halted twice; a resumed one halts again at the next bad report; an aborted one stays so.
        (await (await Manager.PostAsJsonAsync("/api/rollouts/Cz.Vat2024/1.0.0/halt", new RolloutActionRequest(null))).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .ShouldBe("The rollout of Cz.Vat2024 1.0.0 is halted; it cannot be halted.");
        await Manager.PostJsonAsync<RolloutDto>("/api/rollouts/Cz.Vat2024/1.0.0/resume", new RolloutActionRequest("false alarm"), HttpStatusCode.OK);
        (await Site.GetJsonAsync<AvailableUpdateDto[]>("/api/site/updates")).Select(u => u.Id).ShouldBe(["Cz.Vat2024"]);
        await Host.AddDeploymentsAsync(ids.Skip(8).Take(1), "Cz.Vat2024", DeploymentStatus.RolledBack, at);
        (await Site.PostAsJsonAsync("/api/site/reports", Report("r-bad-2", "Cz.Vat2024", "failed"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Manager.GetJsonAsync<RolloutDto>("/api/rollouts/Cz.Vat2024/1.0.0")).State.ShouldBe("halted");
        var aborted = await Manager.PostJsonAsync<RolloutDto>("/api/rollouts/Cz.Vat2024/1.0.0/abort", new RolloutActionRequest("fixed in 1.0.1"), HttpStatusCode.OK);
        aborted.State.ShouldBe("aborted");
        aborted.Rings.Where(r => !r.Open).ShouldAllBe(r => r.OpensAt == null);
        (await (await Manager.PostAsJsonAsync("/api/rollouts/Cz.Vat2024/1.0.0/resume", new RolloutActionRequest(null))).ShouldBeProblemAsync(HttpStatusCode.Conflict)).ShouldContain("is aborted");
        (await Site.GetJsonAsync<AvailableUpdateDto[]>("/api/site/updates")).ShouldBeEmpty();
        (await Manager.GetJsonAsync<RolloutDto>("/api/rollouts/Cz.Vat2024/1.0.0")).Events.Select(e => e.Action)
            .ShouldBe(["created", "halted", "resumed", "halted", "aborted"]);

        // The fixed version without a rollout reaches everyone at once.
        await PushAsync("Cz.Vat2024", "1.0.1", "accounting");
        (await Site.GetJsonAsync<AvailableUpdateDto[]>("/api/site/updates")).Select(u => $"{u.Id} {u.Version}").ShouldBe(["Cz.Vat2024 1.0.1"]);
    }

    [Fact]
    public async Task A_freeze_holds_back_a_normal_update_and_lets_an_urgent_legal_one_through()
    {
        await PushAsync("Cz.Other", "1.0.0", "accounting");
        var urgent = TestPackages.Manifest("Cz.Urgent", "1.0.0", "accounting") with { Emergency = true };
        (await Publisher.PushAsync(TestPackages.Build("Cz.Urgent", "1.0.0", urgent.ToJson()))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await Manager.CoveredCustomerAsync("other", "accounting");

        var elsewhere = await Manager.PostJsonAsync<FreezeDto>("/api/freezes", new AddFreezeRequest(new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 31), "other", "their closing"));
        elsewhere.Customer.ShouldBe("other");
        (await Site.GetJsonAsync<AvailableUpdateDto[]>("/api/site/updates")).Select(u => u.Id).ShouldBe(["Cz.Other", "Cz.Urgent"], "another customer's freeze");

        var everyone = await Manager.PostJsonAsync<FreezeDto>("/api/freezes", new AddFreezeRequest(new DateOnly(2024, 1, 15), new DateOnly(2024, 1, 16), null, "year-end closing"));
        (await Site.GetJsonAsync<AvailableUpdateDto[]>("/api/site/updates")).Select(u => u.Id).ShouldBe(["Cz.Urgent"]);
        (await Manager.GetJsonAsync<FreezeDto[]>("/api/freezes")).Select(f => f.Reason).ShouldBe(["their closing", "year-end closing"]);

        // Lifting one freeze leaves the others.
        var extra = await Manager.PostJsonAsync<FreezeDto>("/api/freezes", new AddFreezeRequest(new DateOnly(2024, 1, 15), new DateOnly(2024, 1, 20), null, "extra"));
        (await Manager.DeleteAsync($"/api/freezes/{extra.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await Manager.DeleteAsync($"/api/freezes/{extra.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound)).ShouldBe($"Freeze {extra.Id} does not exist.");
        (await Site.GetJsonAsync<AvailableUpdateDto[]>("/api/site/updates")).Select(u => u.Id).ShouldBe(["Cz.Urgent"]);

        // Day by day: the freeze lasts through the 16th (Europe/Prague), the normal update comes back on the 17th.
        Host.Time.SetUtcNow(new DateTimeOffset(2024, 1, 16, 22, 30, 0, TimeSpan.Zero));
        (await Site.GetJsonAsync<AvailableUpdateDto[]>("/api/site/updates")).Select(u => u.Id).ShouldBe(["Cz.Urgent"], "22:30 UTC is 23:30 in Prague, still the 16th");
        Host.Time.Advance(TimeSpan.FromHours(1));
        (await Site.GetJsonAsync<AvailableUpdateDto[]>("/api/site/updates")).Select(u => u.Id).ShouldBe(["Cz.Other", "Cz.Urgent"]);
        (await Manager.GetJsonAsync<FreezeDto[]>("/api/freezes")).Select(f => f.Reason).ShouldBe(["their closing"], "a freeze that is over is not listed");
    }

    [Fact]
    public async Task A_plan_that_cannot_reach_its_last_ring_before_the_effective_date_is_flagged_when_created()
    {
        var soon = TestPackages.Manifest("Cz.Soon", "1.0.0", "accounting") with { EffectiveDate = new DateOnly(2024, 1, 18) };
        (await Publisher.PushAsync(TestPackages.Build("Cz.Soon", "1.0.0", soon.ToJson()))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var later = TestPackages.Manifest("Cz.Later", "1.0.0", "accounting") with { EffectiveDate = new DateOnly(2024, 3, 1) };
        (await Publisher.PushAsync(TestPackages.Build("Cz.Later", "1.0.0", later.ToJson()))).StatusCode.ShouldBe(HttpStatusCode.Created);

        // Created 15 Jan 09:00 UTC; the 100 % ring opens after three 24 h bakes, on the 18th: the effective date itself.
        var late = await Manager.PostJsonAsync<RolloutDto>("/api/rollouts", new CreateRolloutRequest("Cz.Soon", "1.0.0"));
        late.Warnings.ShouldBe(["the last ring (100%) receives it on 2024-01-18, not before the effective date 2024-01-18: its installations stay exposed; shorten the bakes or start earlier"]);
        var fine = await Manager.PostJsonAsync<RolloutDto>("/api/rollouts", new CreateRolloutRequest("Cz.Later", "1.0.0"));
        fine.Warnings.ShouldBeEmpty();

        // A freeze for everyone over the day the last ring opens moves it past the freeze.
        await Manager.PostJsonAsync<FreezeDto>("/api/freezes", new AddFreezeRequest(new DateOnly(2024, 1, 17), new DateOnly(2024, 3, 5), null, "closing"));
        (await Manager.GetJsonAsync<RolloutDto>("/api/rollouts/Cz.Later/1.0.0")).Warnings
            .ShouldBe(["the last ring (100%) receives it on 2024-03-06 after the freeze, not before the effective date 2024-03-01: its installations stay exposed; shorten the bakes or start earlier"]);
        (await Manager.GetJsonAsync<RolloutDto[]>("/api/rollouts")).Select(r => $"{r.PackageId} {r.Warnings.Count}").ShouldBe(["Cz.Later 1", "Cz.Soon 1"]);
    }

    [Fact]
    public async Task Bad_rollout_and_freeze_requests_get_problems_and_store_nothing()
    {
        await PushAsync("Cz.Vat2024", "1.0.0", "accounting");
        async Task<string> RefusedAsync(object request, string path = "/api/rollouts", HttpStatusCode status = HttpStatusCode.BadRequest) =>
            await (await Manager.PostAsJsonAsync(path, request)).ShouldBeProblemAsync(status);

        (await RefusedAsync(new CreateRolloutRequest("Cz.Missing", "1.0.0"))).ShouldBe("Cz.Missing 1.0.0 is not an update in the feed; push it first.");
        (await RefusedAsync(new CreateRolloutRequest("Cz.Vat2024", "one"))).ShouldContain("one");
        (await RefusedAsync(new CreateRolloutRequest("Cz.Vat2024", "1.0.0", Percents: [10, 5, 100]))).ShouldContain("rising");
        (await RefusedAsync(new CreateRolloutRequest("Cz.Vat2024", "1.0.0", Percents: [0, 100]))).ShouldContain("from 1 to 100");
        (await RefusedAsync(new CreateRolloutRequest("Cz.Vat2024", "1.0.0", Percents: [1, 10]))).ShouldBe("The last ring must reach every installation (100), not 10: 1,10.");
        (await RefusedAsync(new CreateRolloutRequest("Cz.Vat2024", "1.0.0", Percents: [.. Enumerable.Range(90, 11)]))).ShouldBe("A rollout has at most 10 rings.");
        (await RefusedAsync(new CreateRolloutRequest("Cz.Vat2024", "1.0.0", BakeHours: 0))).ShouldBe("The bake time must be 1 to 720 hours, not 0.");
        (await RefusedAsync(new CreateRolloutRequest("Cz.Vat2024", "1.0.0", HaltRate: 0))).ShouldContain("halt rate");
        (await RefusedAsync(new CreateRolloutRequest("Cz.Vat2024", "1.0.0", HaltRate: 1.5))).ShouldContain("halt rate");
        (await RefusedAsync(new CreateRolloutRequest("Cz.Vat2024", "1.0.0", HaltMinimum: 0))).ShouldContain("halt minimum");
        (await RefusedAsync(new CreateRolloutRequest("Cz.Vat2024", "1.0.0", Canary: ["nobody"]))).ShouldBe("Canary customer 'nobody' does not exist.");
        (await RefusedAsync(new AddFreezeRequest(new DateOnly(2024, 2, 1), new DateOnly(2024, 1, 1), null, null), "/api/freezes")).ShouldContain("backwards");
        (await RefusedAsync(new AddFreezeRequest(new DateOnly(2024, 1, 1), new DateOnly(2025, 6, 1), null, null), "/api/freezes")).ShouldContain("at most 367 days");
        (await RefusedAsync(new AddFreezeRequest(new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 2), "nobody", null), "/api/freezes")).ShouldBe("Customer 'nobody' does not exist.");
        (await (await Manager.GetAsync("/api/rollouts/Cz.Vat2024/1.0.0")).ShouldBeProblemAsync(HttpStatusCode.NotFound)).ShouldContain("has no rollout");
        (await Site.PostAsJsonAsync("/api/rollouts", new CreateRolloutRequest("Cz.Vat2024", "1.0.0"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Site.PostAsJsonAsync("/api/freezes", new AddFreezeRequest(new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 2), null, null))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Host.CountAsync("rollouts")).ShouldBe(0);
        (await Host.CountAsync("rollout_events")).ShouldBe(0);
        (await Host.CountAsync("freezes")).ShouldBe(0);

        await Manager.PostJsonAsync<RolloutDto>("/api/rollouts", new CreateRolloutRequest("cz.vat2024", "1.0"));
        (await RefusedAsync(new CreateRolloutRequest("Cz.Vat2024", "1.0.0"), status: HttpStatusCode.Conflict)).ShouldContain("has a rollout already");
        (await Host.CountAsync("rollouts")).ShouldBe(1);
        (await Host.CountAsync("rollout_events")).ShouldBe(1);
    }

    [Fact]
    public async Task Counts_over_10000_reports_come_from_one_query_each_and_agree_with_the_rows()
    {
        await Manager.CoveredCustomerAsync("fleet", "accounting");
        var ids = await Host.AddInstallationsAsync("fleet", 10_000, "accounting");
        await PushAsync("Cz.Vat2024", "1.0.0", "accounting");
        await Manager.PostJsonAsync<RolloutDto>("/api/rollouts", new CreateRolloutRequest("Cz.Vat2024", "1.0.0", HaltMinimum: 100_000));
        var at = Host.Time.GetUtcNow();
        await Host.AddDeploymentsAsync(ids.Take(9_000), "Cz.Vat2024", DeploymentStatus.Applied, at);
        await Host.AddDeploymentsAsync(ids.Skip(9_000).Take(700), "Cz.Vat2024", DeploymentStatus.Failed, at);
        await Host.AddDeploymentsAsync(ids.Skip(9_700), "Cz.Vat2024", DeploymentStatus.RolledBack, at);
        await Host.AddDeploymentsAsync(ids.Take(50), "Cz.Vat2024", DeploymentStatus.RolledBack, at.AddMinutes(5));

        (await Manager.GetJsonAsync<RolloutDto>("/api/rollouts/Cz.Vat2024/1.0.0")).Reports.ShouldBe(new RolloutCountsDto(8_950, 700, 350));
        (await Manager.GetJsonAsync<RolloutDto[]>("/api/rollouts")).Single().Reports.ShouldBe(new RolloutCountsDto(8_950, 700, 350));
        (await Rollouts.CheckAfterReportAsync("Cz.Vat2024", "1.0.0", default)).ShouldBeNull("10 % failed, but the minimum is 100,000");
    }

    private async Task<HashSet<string>> OfferedAsync(IReadOnlyList<Installation> fleet, string version = "1.0.0")
    {
        var packages = await Host.Services.GetRequiredService<AppLayer.Core.Releases.IPackageStore>().ListAsync(default);
        var package = packages.Single(p => p.Id == "Cz.Vat2024" && p.Version == version);
        var offered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var installation in fleet)
        {
            if ((await Rollouts.OffersAsync(installation, default))(package))
            {
                offered.Add(installation.Code);
            }
        }

        return offered;
    }

    private static Rollout Plan(IReadOnlyList<int> percents, IReadOnlyList<long> canary) => new(
        1, "Cz.X", "1.0.0", percents, [.. Enumerable.Repeat(24, percents.Count + (canary.Count > 0 ? 1 : 0))], canary, 0.1, 3,
        DateTimeOffset.UnixEpoch, "test", RolloutState.Active, DateTimeOffset.UnixEpoch, TimeSpan.Zero);
}
