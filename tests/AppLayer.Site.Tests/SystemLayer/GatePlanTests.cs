using AppLayer.Site.Planning;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using AppLayer.Protocol.Api;
using AppLayer.Site.Tests.Support;

namespace AppLayer.Site.Tests.SystemLayer;

/// <summary><c>applayer site plan</c> (text and <c>--json</c>, the real command) says which cached update is gated, and whether it is approved yet.</summary>
[Collection(BuiltPackages.Collection)]
public sealed class GatePlanTests(BuiltPackages packages)
{
    [Fact]
    public async Task The_plan_shows_a_gated_update_as_rehearse_only_until_it_is_approved_then_as_approved()
    {
        await using var host = await RealHost.StartAsync();
        await host.PublishAsync(packages.Vat2024);
        (await host.PostAsync("api/gates", new GateReleaseRequest("Cz.Vat2024", "1.0.0"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var site = await TempSite.CreateAsync();
        site.Clock.SetUtcNow(host.Clock.GetUtcNow());
        await site.Agent.EnrollAsync(host.Url, host.SiteKey);
        (await site.Agent.PullAsync()).Downloaded.ShouldBe(1);

        var gated = (await site.Agent.PlanAsync()).Items.ShouldHaveSingleItem();
        var text = await PlanAsync(site.Database);
        var json = await PlanAsync(site.Database, "--json");

        (gated.Action, gated.Gate, gated.GateStatus).ShouldBe((PlanAction.Rehearse, "rehearse-only", "rehearse only: awaiting approval"));
        text.ShouldContain(" 1. rehearse  Cz.Vat2024 1.0.0 (Legislative effective 2024-01-01) [rehearse only: awaiting approval]: gated");
        var item = JsonDocument.Parse(json).RootElement.GetProperty("items")[0];
        (item.GetProperty("action").GetString(), item.GetProperty("gate").GetString(), item.GetProperty("gateStatus").GetString())
            .ShouldBe(("rehearse", "rehearse-only", "rehearse only: awaiting approval"));

        await site.Agent.RunAsync(now: true); // the rehearsal a manager's approval needs
        (await host.PostAsync("api/gates/Cz.Vat2024/1.0.0/approvals", new ApproveReleaseRequest("novak-prod"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await site.Agent.PullAsync()).AlreadyCached.ShouldBe(1); // the pull records the host's new listing

        var approved = (await site.Agent.PlanAsync()).Items.ShouldHaveSingleItem();

        (approved.Action, approved.Gate, approved.GateStatus).ShouldBe((PlanAction.Apply, "approved", "approved"));
        (await PlanAsync(site.Database)).ShouldContain(" 1. apply     Cz.Vat2024 1.0.0 (Legislative effective 2024-01-01) [approved]");
    }

    private static async Task<string> PlanAsync(string database, params string[] more)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "applayer.dll"), "site", "plan", "--db", database }.Concat(more))
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, await error);
        return await output;
    }
}
