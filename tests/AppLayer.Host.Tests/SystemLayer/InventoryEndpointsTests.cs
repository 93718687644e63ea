using System.Net;
using System.Net.Http.Json;
using AppLayer.Core.Customers;
using AppLayer.Core.Installations;
using AppLayer.Host.Tests.Api;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;

namespace AppLayer.Host.Tests.SystemLayer;

/// <summary>Inventories reported by sites, judged against the support end dates on the host's (fake) clock.</summary>
public sealed class InventoryEndpointsTests : SiteEndpointsTests.WithSite
{
    private static readonly InventoryReportDto Inventory = new(
        "inv-1",
        new DateTimeOffset(2026, 8, 31, 22, 0, 0, TimeSpan.Zero),
        [
            new("debian", "12", "Debian GNU/Linux 12 (bookworm)"),
            new("dotnet", "8.0.11", ".NET 8.0.11"),
            new("sqlite", "3.46.1", "SQLite, the IS database engine"),
            new("postgresql", "14.2", "PostgreSQL 14.2"),
            new("is", "5.2.0", "the IS"),
        ]);

    [Fact]
    public async Task Stores_a_report_once_and_flags_software_ending_soon_then_unsupported_as_the_clock_moves()
    {
        Host.Time.SetUtcNow(new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero));

        using (var first = await Site.PostAsJsonAsync("/api/site/inventory", Inventory))
        using (var again = await Site.PostAsJsonAsync("/api/site/inventory", Inventory))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Created);
            again.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await Host.CountAsync("inventory_reports")).ShouldBe(1);
        var before = await Manager.GetJsonAsync<InstallationInventoryDto>("/api/installations/novak-prod/inventory");
        before.Support.ShouldBe("ending-soon");
        before.At.ShouldBe(new DateOnly(2026, 9, 1));
        Summary(before).ShouldBe([
            "debian 12 → 12 2028-06-30 supported",
            "dotnet 8.0.11 → 8 2026-11-10 ending-soon (70)",
            "sqlite 3.46.1 → 3 - supported",
            "postgresql 14.2 → 14 2026-11-12 ending-soon (72)",
            "is 5.2.0 → - - untracked",
        ]);
        (await Manager.GetJsonAsync<InstallationInventoryDto[]>("/api/inventory/flagged?within=30")).ShouldBeEmpty();
        (await Manager.GetJsonAsync<InstallationInventoryDto[]>("/api/inventory/flagged")).Single().Installation.ShouldBe("novak-prod");

        Host.Time.SetUtcNow(new DateTimeOffset(2026, 11, 11, 0, 30, 0, TimeSpan.Zero));

        var after = await Manager.GetJsonAsync<InstallationInventoryDto>("/api/installations/novak-prod/inventory");
        after.Support.ShouldBe("unsupported");
        after.Components.Single(c => c.Component == "dotnet").ShouldSatisfyAllConditions(
            c => c.Support.ShouldBe("unsupported"),
            c => c.DaysLeft.ShouldBe(-1));
        after.Components.Single(c => c.Component == "postgresql").Support.ShouldBe("ending-soon");
        var flagged = await Manager.GetJsonAsync<InstallationInventoryDto[]>("/api/inventory/flagged?within=0");
        flagged.Single().ShouldSatisfyAllConditions(i => i.Installation.ShouldBe("novak-prod"), i => i.Customer.ShouldBe("novak"), i => i.Support.ShouldBe("unsupported"));
    }

    [Fact]
    public async Task An_older_report_sent_late_does_not_replace_the_newer_inventory()
    {
        var newer = Inventory with { ReportId = "inv-2", At = Inventory.At.AddDays(1), Items = [new("dotnet", "10.0.1", ".NET 10.0.1")] };
        (await Site.PostAsJsonAsync("/api/site/inventory", newer)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Site.PostAsJsonAsync("/api/site/inventory", Inventory)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var stored = await Manager.GetJsonAsync<InstallationInventoryDto>("/api/installations/novak-prod/inventory");

        stored.ReportedAt.ShouldBe(newer.At);
        stored.Components.Select(c => $"{c.Component} {c.Version}").ShouldBe(["dotnet 10.0.1"]);
    }

    [Fact]
    public async Task Bad_reports_and_dates_are_400_and_store_nothing()
    {
        (await (await Site.PostAsJsonAsync("/api/site/inventory", Inventory with { Items = [] })).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain("1 to 100 items");
        (await (await Site.PostAsJsonAsync("/api/site/inventory", Inventory with { Items = [new("Debian Linux", "12", "")] })).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain("component 'Debian Linux'");
        (await (await Site.PostAsJsonAsync("/api/site/inventory", Inventory with { Items = [new("dotnet", "8.0.1", ""), new("dotnet", "9.0.1", "")] })).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain("twice");
        (await (await Manager.PutAsJsonAsync("/api/support-dates/dotnet/eight", new SetSupportDateRequest(new DateOnly(2030, 1, 1)))).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain("cycle 'eight'");
        (await (await Manager.GetAsync(new Uri("/api/inventory/flagged?within=-1", UriKind.Relative))).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain("within");
        (await (await Manager.GetAsync(new Uri("/api/installations/nobody/inventory", UriKind.Relative))).ShouldBeProblemAsync(HttpStatusCode.NotFound)).ShouldContain("nobody");
        (await Site.GetAsync(new Uri("/api/support-dates", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await Host.CountAsync("inventory_reports")).ShouldBe(0);
        (await Host.CountAsync("installation_inventories")).ShouldBe(0);
        (await Manager.GetJsonAsync<SupportDateDto[]>("/api/support-dates")).Single(d => d.Component == "dotnet" && d.Cycle == "8").EndsOn.ShouldBe(new DateOnly(2026, 11, 10));
    }

    [Fact]
    public async Task Support_dates_are_seeded_with_published_dates_and_a_manager_changes_them()
    {
        var seeded = await Manager.GetJsonAsync<SupportDateDto[]>("/api/support-dates");
        seeded.Select(d => $"{d.Component} {d.Cycle} {d.EndsOn:yyyy-MM-dd}").ShouldBe([
            "debian 10 2024-06-30", "debian 11 2026-08-31", "debian 12 2028-06-30", "debian 13 2030-06-30",
            "dotnet 6 2024-11-12", "dotnet 7 2024-05-14", "dotnet 8 2026-11-10", "dotnet 9 2026-11-10", "dotnet 10 2028-11-14",
            "postgresql 13 2025-11-13", "postgresql 14 2026-11-12", "postgresql 15 2027-11-11", "postgresql 16 2028-11-09",
            "postgresql 17 2029-11-08", "postgresql 18 2030-11-14", "sqlite 3 ",
        ]);

        Manager.DefaultRequestHeaders.Add("X-AppLayer-User", "jana");
        using var response = await Manager.PutAsJsonAsync("/api/support-dates/dotnet/8", new SetSupportDateRequest(new DateOnly(2027, 1, 31)));
        var changed = await response.ReadAsync<SupportDateDto>();
        var added = await (await Manager.PutAsJsonAsync("/api/support-dates/ubuntu/24.04", new SetSupportDateRequest(new DateOnly(2029, 5, 31), "Ubuntu 24.04 LTS"))).ReadAsync<SupportDateDto>();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        changed.ShouldBe(new SupportDateDto("dotnet", "8", ".NET 8 (LTS)", new DateOnly(2027, 1, 31), Host.Time.GetUtcNow(), changed.UpdatedBy));
        changed.UpdatedBy!.ShouldStartWith("jana (manager key #");
        added.Name.ShouldBe("Ubuntu 24.04 LTS");
        Host.Time.SetUtcNow(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        (await Site.PostAsJsonAsync("/api/site/inventory", Inventory with { Items = [new("dotnet", "8.0.11", ""), new("ubuntu", "24.04", "")] })).EnsureSuccessStatusCode();
        Summary(await Manager.GetJsonAsync<InstallationInventoryDto>("/api/installations/novak-prod/inventory")).ShouldBe([
            "dotnet 8.0.11 → 8 2027-01-31 ending-soon (72)",
            "ubuntu 24.04 → 24.04 2029-05-31 supported",
        ]);
    }

    private static string[] Summary(InstallationInventoryDto inventory) =>
        [.. inventory.Components.Select(c => $"{c.Component} {c.Version} → {c.Cycle ?? "-"} {(c.SupportEndsOn is { } e ? e.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "-")} {c.Support}{(c.Support == "ending-soon" ? $" ({c.DaysLeft})" : string.Empty)}")];
}
