using AppLayer.Protocol.Api;
using AppLayer.Site.Tests.Support;

namespace AppLayer.Site.Tests.SystemLayer;

/// <summary>A real <c>site check</c> reports the inventory to the real host, which flags it once its clock passes the end date.</summary>
public sealed class InventoryReportTests
{
    [Fact]
    public async Task Site_check_reports_the_inventory_and_the_host_flags_the_runtime_once_its_support_has_ended()
    {
        await using var host = await RealHost.StartAsync();
        using var site = await TempSite.CreateAsync();
        await site.Agent.EnrollAsync(host.Url, host.SiteKey);

        var check = await site.Agent.CheckAsync();

        check.InventoryReported.ShouldBeTrue(site.Output.ToString());
        var runtime = Environment.Version.ToString();
        check.Components.Select(c => c.Component).ShouldBe([OsId(), "dotnet", "sqlite", "is"]);
        var reported = await host.GetAsync<InstallationInventoryDto>("api/installations/novak-prod/inventory");
        reported.ReportedAt.ShouldBe(site.Clock.GetUtcNow());
        reported.Components.Select(c => $"{c.Component} {c.Version}").ShouldBe(check.Components.Select(c => $"{c.Component} {c.Version}"));
        var dotnet = reported.Components.Single(c => c.Component == "dotnet");
        (dotnet.Version, dotnet.Cycle, dotnet.Support).ShouldBe((runtime, Environment.Version.Major.ToString(System.Globalization.CultureInfo.InvariantCulture), "supported"));
        dotnet.SupportEndsOn.ShouldNotBeNull();
        reported.Components.Single(c => c.Component == "sqlite").Support.ShouldBe("supported");
        (await host.GetAsync<InstallationInventoryDto[]>("api/inventory/flagged")).ShouldNotContain(i => i.Components.Any(c => c.Component == "dotnet" && c.Support != "supported"));

        host.Clock.SetUtcNow(new DateTimeOffset(dotnet.SupportEndsOn!.Value.AddDays(-30), TimeOnly.MinValue, TimeSpan.Zero));
        (await host.GetAsync<InstallationInventoryDto>("api/installations/novak-prod/inventory")).Components.Single(c => c.Component == "dotnet").ShouldSatisfyAllConditions(
            c => c.Support.ShouldBe("ending-soon"),
            c => c.DaysLeft.ShouldBe(30));

        host.Clock.SetUtcNow(new DateTimeOffset(dotnet.SupportEndsOn.Value.AddDays(1), TimeOnly.MinValue, TimeSpan.Zero));
        var flagged = (await host.GetAsync<InstallationInventoryDto[]>("api/inventory/flagged")).ShouldHaveSingleItem();
        flagged.ShouldSatisfyAllConditions(
            i => i.Installation.ShouldBe("novak-prod"),
            i => i.Support.ShouldBe("unsupported"),
            i => i.Components.Single(c => c.Component == "dotnet").Support.ShouldBe("unsupported"));
    }

    [Fact]
    public async Task An_inventory_the_host_refuses_waits_in_the_outbox_for_the_next_run()
    {
        await using var host = await RealHost.StartAsync();
        using var site = await TempSite.CreateAsync();
        await site.Agent.EnrollAsync(host.Url, host.SiteKey);
        var revoked = await host.PostAsync("api/keys/revoke", new { key = host.SiteKey });
        revoked.EnsureSuccessStatusCode();

        var check = await site.Agent.CheckAsync();

        check.InventoryReported.ShouldBeFalse();
        site.Output.ToString().ShouldContain("warning: the host refused the inventory (401");
        Directory.GetFiles(Path.Combine(site.Paths.Root, "inventory"), "*.json").ShouldHaveSingleItem();
    }

    private static string OsId() =>
        File.ReadAllLines("/etc/os-release").Select(l => l.Split('=', 2)).First(p => p[0] == "ID")[1].Trim('"').ToLowerInvariant();
}
