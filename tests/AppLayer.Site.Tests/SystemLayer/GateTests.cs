using System.Net;
using AppLayer.Protocol.Api;
using AppLayer.Site.Tests.Support;

namespace AppLayer.Site.Tests.SystemLayer;

/// <summary>
/// The approval gate end to end: the real host, the real agent, real compiled plugins. A gated update is only
/// rehearsed (the IS database unchanged) and reported; approval needs that report to be a success; the next run applies it.
/// </summary>
[Collection(BuiltPackages.Collection)]
public sealed class GateTests(BuiltPackages packages)
{
    [Fact]
    public async Task A_gated_update_is_only_rehearsed_until_a_manager_approves_it_then_the_next_run_applies_it()
    {
        await using var host = await RealHost.StartAsync();
        await host.PublishAsync(packages.Vat2024);
        (await host.PostAsync("api/gates", new GateReleaseRequest("Cz.Vat2024", "1.0.0"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var site = await TempSite.CreateAsync();
        site.Clock.SetUtcNow(host.Clock.GetUtcNow()); // one clock for the site's reports and the host's approval, so the history reads in order
        await site.Agent.EnrollAsync(host.Url, host.SiteKey);
        var before = site.DumpIs();

        var run = await site.Agent.RunAsync(now: true);

        run.Apply.Applied.ShouldBe(0);
        run.Apply.Waiting.ShouldBe(1);
        site.DumpIs().ShouldBe(before);
        site.Rows("SELECT COUNT(*) FROM applayer_history")[0][0].ShouldBe("0");
        site.OutputLines.ShouldContain("rehearsed Cz.Vat2024 1.0.0 (gated): the rehearsal succeeded; it waits for a manager's approval");
        File.Exists(Path.Combine(site.Paths.RehearsalFolder, "gate-rehearsal.db")).ShouldBeFalse();
        var gate = await host.GetAsync<ReleaseGateDto>("api/gates/Cz.Vat2024/1.0.0");
        var rehearsal = gate.Installations.Single().LastRehearsal.ShouldNotBeNull();
        rehearsal.Succeeded.ShouldBeTrue();
        rehearsal.Sha512.ShouldNotBeNullOrWhiteSpace();
        rehearsal.Message.ShouldContain("nothing was applied to the IS");

        await site.Agent.RunAsync(now: true);

        site.DumpIs().ShouldBe(before);
        site.OutputLines.ShouldContain("waiting Cz.Vat2024 1.0.0: gated; rehearsed successfully, waits for a manager's approval");
        (await host.GetAsync<ReleaseGateDto>("api/gates/Cz.Vat2024/1.0.0")).Installations.Single().LastRehearsal!.ReportId.ShouldBe(rehearsal.ReportId);

        using (var approve = await host.PostAsync("api/gates/Cz.Vat2024/1.0.0/approvals", new ApproveReleaseRequest("novak-prod")))
        {
            approve.StatusCode.ShouldBe(HttpStatusCode.OK, await approve.Content.ReadAsStringAsync());
        }

        var applied = await site.Agent.RunAsync(now: true);

        applied.Apply.Applied.ShouldBe(1, site.Output.ToString());
        site.DumpIs().ShouldNotBe(before);
        var history = await host.GetAsync<HistoryEventDto[]>("api/customers/novak/history");
        history.Select(h => h.Kind).ShouldBe(["update-rehearsed", "update-approved", "update-applied"]);
    }

    [Fact]
    public async Task A_failed_rehearsal_is_reported_leaves_the_IS_as_it_was_and_cannot_be_approved()
    {
        await using var host = await RealHost.StartAsync();
        await host.PublishAsync(packages.FailingVerify);
        (await host.PostAsync("api/gates", new GateReleaseRequest("FailingVerify.Update", "1.0.0"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var site = await TempSite.CreateAsync();
        await site.Agent.EnrollAsync(host.Url, host.SiteKey);
        var before = site.DumpIs();

        var run = await site.Agent.RunAsync(now: true);

        (run.Apply.Applied, run.Apply.Failed).ShouldBe((0, 0));
        site.DumpIs().ShouldBe(before);
        var rehearsal = (await host.GetAsync<ReleaseGateDto>("api/gates/FailingVerify.Update/1.0.0")).Installations.Single().LastRehearsal.ShouldNotBeNull();
        rehearsal.Succeeded.ShouldBeFalse();
        rehearsal.Message.ShouldContain("salaries are zero after apply; refusing on purpose");

        using var approve = await host.PostAsync("api/gates/FailingVerify.Update/1.0.0/approvals", new ApproveReleaseRequest("novak-prod"));

        approve.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await approve.Content.ReadAsStringAsync()).ShouldContain("its last rehearsal failed");
        (await host.GetAsync<ReleaseGateDto>("api/gates/FailingVerify.Update/1.0.0")).Installations.Single().ApprovedAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_cached_update_gated_after_the_pull_is_not_applied_and_neither_is_one_listed_gated_when_the_host_is_gone()
    {
        var host = await RealHost.StartAsync();
        await host.PublishAsync(packages.Vat2024);
        using var site = await TempSite.CreateAsync();
        await site.Agent.EnrollAsync(host.Url, host.SiteKey);
        (await site.Agent.PullAsync()).Downloaded.ShouldBe(1);
        (await host.PostAsync("api/gates", new GateReleaseRequest("Cz.Vat2024", "1.0.0"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = site.DumpIs();

        var asked = await site.Agent.ApplyAsync(report: true, now: true);

        asked.Applied.ShouldBe(0);
        site.DumpIs().ShouldBe(before);
        (await site.Agent.PullAsync()).AlreadyCached.ShouldBe(1);
        await host.DisposeAsync();

        var offline = await site.Agent.ApplyAsync(report: true, now: true);

        offline.Applied.ShouldBe(0);
        site.DumpIs().ShouldBe(before);
        site.OutputLines.ShouldContain("waiting Cz.Vat2024 1.0.0: gated; rehearsed successfully, waits for a manager's approval");
    }
}
