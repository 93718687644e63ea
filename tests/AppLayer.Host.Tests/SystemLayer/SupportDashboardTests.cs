using System.Net;
using System.Net.Http.Json;
using AppLayer.Core.Keys;
using AppLayer.Host.Tests.Api;
using AppLayer.Host.Tests.Dashboard;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;

namespace AppLayer.Host.Tests.SystemLayer;

/// <summary>The dashboard's Support page and the customer page's System software section.</summary>
public sealed class SupportDashboardTests : SiteEndpointsTests.WithSite
{
    [Fact]
    public async Task Managers_see_flagged_installations_and_gates_and_the_customer_page_shows_each_component_escaped()
    {
        Host.Time.SetUtcNow(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        var items = new InventoryItemDto[] { new("dotnet", "8.0.11", ".NET <b>8</b>"), new("sqlite", "3.46.1", "SQLite") };
        (await Site.PostAsJsonAsync("/api/site/inventory", new InventoryReportDto("inv-1", Host.Time.GetUtcNow(), items))).EnsureSuccessStatusCode();
        await PushAsync("Cz.Vat2024", "1.0.0", "accounting");
        await Manager.PostJsonAsync<ReleaseGateDto>("/api/gates", new GateReleaseRequest("Cz.Vat2024", "1.0.0"));
        using var browser = await Host.SignInAsync(await Host.KeyAsync(KeyScope.Manager));

        var (status, support) = await browser.PageAsync("/dashboard/support");
        var (_, customer) = await browser.PageAsync("/dashboard/customers/novak");

        status.ShouldBe(HttpStatusCode.OK);
        support.ShouldContain("1 installation(s) flagged");
        support.ShouldContain("dotnet 8.0.11 (unsupported, 2026-11-10)");
        support.ShouldContain("Cz.Vat2024 1.0.0");
        support.ShouldContain("not rehearsed yet");
        support.ShouldContain("href=\"/dashboard/support\"");
        customer.ShouldContain("<h2>System software</h2>");
        customer.ShouldContain(".NET &lt;b&gt;8&lt;/b&gt;");
        customer.ShouldNotContain("<b>8</b>");
        customer.ShouldContain("<td class=\"bad\">unsupported</td>");

        using var contact = await Host.SignInAsync((await Manager.PostJsonAsync<CreatedKeyDto>("/api/customers/novak/contact-keys", new { })).Key);
        (await contact.PageAsync("/dashboard/support")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
