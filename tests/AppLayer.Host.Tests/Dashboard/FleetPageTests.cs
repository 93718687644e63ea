using System.Net;
using AppLayer.Core.Keys;
using AppLayer.Host.Tests.History;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;

namespace AppLayer.Host.Tests.Dashboard;

/// <summary>The fleet page over novak (prod applied, test failed), horak and Plzeňská teplárenská: summary, worst first, filters, search, zones.</summary>
public sealed class FleetPageTests : HistoryScenario
{
    protected override async Task SeededAsync()
    {
        await Manager.PostJsonAsync<CustomerDto>("/api/customers", new CreateCustomerRequest("plzen-tep", "Plzeňská teplárenská a.s."));
        await Manager.PostJsonAsync<InstallationDto>("/api/customers/plzen-tep/installations", new CreateInstallationRequest("plzen-prod", "Teplárna Plzeň", "5.3.1", ["production"], null));
    }

    private async Task<(HttpStatusCode Status, string Body)> ManagerPageAsync(string path)
    {
        using var dashboard = await Host.SignInAsync(await Host.KeyAsync(KeyScope.Manager));
        return await dashboard.PageAsync(path);
    }

    private async Task<string> PageAsync(string path)
    {
        var (status, body) = await ManagerPageAsync(path);
        status.ShouldBe(HttpStatusCode.OK, body);
        return body;
    }

    private static List<string> States(string body) =>
        [.. System.Text.RegularExpressions.Regex.Matches(body, "<tr class=\"installation\" data-state=\"([a-z-]+)\"").Select(m => m.Groups[1].Value)];

    [Fact]
    public async Task Opens_with_the_summary_and_the_failing_installation_first()
    {
        var body = await PageAsync("/dashboard");

        body.IndexOf("id=\"summary\"", StringComparison.Ordinal).ShouldBeLessThan(body.IndexOf("id=\"fleet\"", StringComparison.Ordinal));
        body.ShouldContain("<strong id=\"count-installations\">4</strong>");
        body.ShouldContain("<strong id=\"count-failing\">1</strong>");
        States(body)[0].ShouldBe("failing");
        body.ShouldContain("<td>Test <span class=\"muted\">novak-test</span></td>");
    }

    [Theory]
    [InlineData("plzen")]
    [InlineData("PLZEŇ")]
    [InlineData("teplarenska")]
    public async Task Search_ignores_diacritics_and_case(string q)
    {
        var body = await PageAsync("/dashboard?q=" + Uri.EscapeDataString(q));

        body.ShouldContain("Plzeňská teplárenská a.s.");
        body.ShouldContain("<span id=\"matching\">1</span>");
        body.ShouldNotContain("novak-prod</span>");
    }

    [Fact]
    public async Task Filters_by_state_version_module_and_customer()
    {
        var failing = await PageAsync("/dashboard?state=failing");
        var version = await PageAsync("/dashboard?version=5.3.1");
        var module = await PageAsync("/dashboard?module=payroll");
        var customer = await PageAsync("/dashboard?customer=novak");

        States(failing).ShouldBe(["failing"]);
        version.ShouldContain("<span id=\"matching\">1</span>");
        version.ShouldContain("plzen-prod");
        module.ShouldContain("novak-prod");
        module.ShouldNotContain("plzen-prod</span>");
        customer.ShouldContain("<span id=\"matching\">2</span>");
    }

    [Fact]
    public async Task A_release_filter_lists_the_installations_that_did_not_apply_all_of_it()
    {
        var body = await PageAsync("/dashboard?release=2025.1");

        body.ShouldNotContain("novak-prod</span>");
        body.ShouldContain("novak-test</span>");
        body.ShouldContain("horak-prod</span>");
    }

    [Fact]
    public async Task Shows_times_in_Prague_by_default_and_in_the_zone_the_viewer_chose()
    {
        using var dashboard = await Host.SignInAsync(await Host.KeyAsync(KeyScope.Manager));
        var prague = (await dashboard.PageAsync("/dashboard?state=failing")).Body;
        var set = (await dashboard.PageAsync("/dashboard/time-zone?zone=UTC&returnUrl=%2Fdashboard%3Fstate%3Dfailing")).Body;

        prague.ShouldContain("<td class=\"nowrap\">2024-02-01 11:00</td>");
        prague.ShouldContain("times in Europe/Prague");
        set.ShouldContain("<td class=\"nowrap\">2024-02-01 10:00</td>");
        set.ShouldContain("times in UTC");
    }

    [Theory]
    [InlineData("/dashboard?state=broken", "broken")]
    [InlineData("/dashboard?sort=size", "size")]
    [InlineData("/dashboard/time-zone?zone=Mars/Olympus", "Mars/Olympus")]
    public async Task A_bad_filter_is_a_400_page_naming_it(string path, string named)
    {
        var (status, body) = await ManagerPageAsync(path);

        status.ShouldBe(HttpStatusCode.BadRequest);
        body.ShouldContain("<!DOCTYPE html>");
        body.ShouldContain(named);
    }

    [Fact]
    public async Task An_unknown_dashboard_page_is_a_404_page()
    {
        var (status, body) = await ManagerPageAsync("/dashboard/no-such-page");

        status.ShouldBe(HttpStatusCode.NotFound);
        body.ShouldContain("<!DOCTYPE html>");
        body.ShouldContain("There is no page at /dashboard/no-such-page.");
    }

    [Theory]
    [InlineData("/dashboard/compliance")]
    [InlineData("/dashboard/api")]
    [InlineData("/dashboard/support")]
    public async Task A_contact_opening_a_manager_page_gets_a_403_page(string path)
    {
        var key = await Manager.PostJsonAsync<CreatedKeyDto>("/api/customers/novak/contact-keys", new { });
        using var contact = await Host.SignInAsync(key.Key);

        var (status, body) = await contact.PageAsync(path);

        status.ShouldBe(HttpStatusCode.Forbidden);
        body.ShouldContain("<!DOCTYPE html>");
        body.ShouldContain("This page is for managers");
        body.ShouldNotContain("\"status\"");
    }

    [Fact]
    public async Task The_search_page_ignores_diacritics_and_case_too()
    {
        var body = await PageAsync("/dashboard/search?q=PLZENSKA");

        body.ShouldContain("Plzeňská teplárenská a.s.");
    }
}
