using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AppLayer.Protocol.Api;
using Microsoft.Playwright;

namespace AppLayer.Browser.Tests;

public sealed class DashboardBrowserTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    // The pages are rendered on the server: their document is all a test reads, so a navigation is
    // done when it is parsed, not when the browser's 'load' event comes (which a loaded machine delays).
    private static readonly PageWaitForURLOptions Loaded = new() { WaitUntil = WaitUntilState.DOMContentLoaded };

    private static async Task SignInAsync(IPage page, string key)
    {
        await page.GotoAsync("/dashboard");
        page.Url.ShouldContain("/dashboard/sign-in");
        await page.FillAsync("#key", key);
        // The wait is set up before the click: started after it, it could miss the redirected page's events on a busy machine.
        var signedIn = page.WaitForURLAsync(new Regex("/dashboard$"), Loaded);
        await page.ClickAsync("button[type=submit]");
        await signedIn;
    }

    [Fact]
    public Task A_manager_signs_in_and_sees_the_fleet_and_the_compliance_radar() =>
        fixture.RunAsync(nameof(A_manager_signs_in_and_sees_the_fleet_and_the_compliance_radar), async page =>
        {
            await SignInAsync(page, fixture.Host.ManagerKey);

            (await page.InnerTextAsync("header .who")).ShouldContain("Signed in as manager");
            var fleet = await page.InnerTextAsync("#fleet");
            fleet.ShouldContain("Novák Strojírny s.r.o.");
            fleet.ShouldContain("Horák Logistika a.s.");
            (await page.InnerTextAsync("#failing + table")).ShouldContain("step 2 of 3 failed: table locked");

            await page.ClickAsync("header nav a:has-text('Compliance')");
            (await page.TitleAsync()).ShouldContain("Compliance");
            var radar = await page.InnerTextAsync("main");
            radar.ShouldContain("Act No. 349/2023 Coll.");
            radar.ShouldContain("Government Regulation No. 286/2024 Coll.");
            (await page.InnerTextAsync("#summary")).ShouldMatch(@"\d+ exposed .* \d+ applied");

            await page.FillAsync("#at", "2023-06-01");
            await page.ClickAsync("form[action='/dashboard/compliance'] button[type=submit]");
            await page.WaitForURLAsync(new Regex("at=2023-06-01"), Loaded);
            (await page.InnerTextAsync("#summary")).ShouldContain("on 2023-06-01");
        });

    [Fact]
    public Task A_manager_opens_a_customer_filters_the_history_and_exports_it() =>
        fixture.RunAsync(nameof(A_manager_opens_a_customer_filters_the_history_and_exports_it), async page =>
        {
            await SignInAsync(page, fixture.Host.ManagerKey);
            await page.ClickAsync("text=Novák Strojírny s.r.o.");
            await page.WaitForURLAsync(new Regex("/dashboard/customers/novak$"), Loaded);
            (await page.Locator("#events tr.event").CountAsync()).ShouldBe(5);
            (await page.Locator("svg.chart rect.bar").CountAsync()).ShouldBe(3);

            await page.SelectOptionAsync("#filter-kind", "update-applied");
            await page.FillAsync("#filter-from", "2024-01-01");
            await page.FillAsync("#filter-to", "2024-01-31");
            await page.ClickAsync("text=Filter");
            await page.WaitForURLAsync(new Regex("kind=update-applied"), Loaded);
            var rows = page.Locator("#events tr.event");
            (await rows.CountAsync()).ShouldBe(1);
            (await rows.First.InnerTextAsync()).ShouldContain("Cz.Vat2024 1.0.0");

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(".exports >> text=CSV"));
            download.SuggestedFilename.ShouldBe("history-novak.csv");
            var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
            csv.Length.ShouldBe(2);
            csv[1].ShouldStartWith("2024-01-20T10:00:00Z,update-applied,novak-prod,Cz.Vat2024 1.0.0,");
        });

    [Fact]
    public Task A_customer_contact_sees_their_customer_and_gets_404_for_another() =>
        fixture.RunAsync(nameof(A_customer_contact_sees_their_customer_and_gets_404_for_another), async page =>
        {
            await SignInAsync(page, fixture.Host.NovakContactKey);
            (await page.InnerTextAsync("#fleet")).ShouldNotContain("Horák");

            var own = await page.GotoAsync("/dashboard/customers/novak");
            own!.Status.ShouldBe(200);
            (await page.InnerTextAsync("h1")).ShouldContain("Novák Strojírny s.r.o.");

            var other = await page.GotoAsync("/dashboard/customers/horak");
            other!.Status.ShouldBe(404);
            (await page.InnerTextAsync("main")).ShouldContain("Customer 'horak' does not exist.");
            (await page.ContentAsync()).ShouldNotContain("Horák Logistika");
        });

    private static async Task<int> CountAsync(IPage page, string selector) =>
        int.Parse(await page.InnerTextAsync(selector), CultureInfo.InvariantCulture);

    [Fact]
    public Task The_fleet_summary_equals_what_the_host_stores_and_its_filters_and_pages_work() =>
        fixture.RunAsync(nameof(The_fleet_summary_equals_what_the_host_stores_and_its_filters_and_pages_work), async page =>
        {
            using var api = fixture.Host.ManagerClient();
            var customers = (await api.GetFromJsonAsync<CustomerDto[]>("api/customers"))!;
            var radar = (await api.GetFromJsonAsync<ComplianceReportDto>("api/compliance"))!;
            var rows = radar.Changes.SelectMany(c => c.Installations).ToList();
            var exposed = rows.Where(r => r.State == "exposed").Select(r => r.Installation).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var behind = rows.Where(r => r.State == "scheduled" && r.UpdateAvailable).Select(r => r.Installation);
            var notUpToDate = exposed.Union(behind, StringComparer.OrdinalIgnoreCase).Append("novak-test").ToHashSet(StringComparer.OrdinalIgnoreCase);
            var total = customers.Sum(c => c.Installations.Count);
            total.ShouldBe(SeededHost.Installations);

            await SignInAsync(page, fixture.Host.ManagerKey);
            await page.KeepAsync("fleet");

            (await CountAsync(page, "#count-installations")).ShouldBe(total);
            (await CountAsync(page, "#count-failing")).ShouldBe(1);
            (await CountAsync(page, "#count-exposed")).ShouldBe(exposed.Count);
            (await CountAsync(page, "#count-unsupported")).ShouldBe(0);
            (await CountAsync(page, "#count-up-to-date")).ShouldBe(total - notUpToDate.Count);
            (await page.Locator("#fleet tr.installation").CountAsync()).ShouldBe(50);
            (await page.Locator("#fleet tr.installation").First.GetAttributeAsync("data-state")).ShouldBe("failing");
            (await page.InnerTextAsync("#fleet")).ShouldContain("Plzeňská teplárenská a.s.");

            await page.SelectOptionAsync("#filter-state", "up-to-date");
            await page.ClickAsync("#fleet-filters button[type=submit]");
            await page.WaitForURLAsync(new Regex("state=up-to-date"), Loaded);
            (await CountAsync(page, "#matching")).ShouldBe(total - notUpToDate.Count);
            (await page.Locator("#fleet tr.installation[data-state='up-to-date']").CountAsync()).ShouldBe(50);
            await page.ClickAsync("nav.pager a[rel=next]");
            await page.WaitForURLAsync(new Regex("page=2"), Loaded);
            (await page.InnerTextAsync("#page")).ShouldBe("2");
            (await page.InputValueAsync("#filter-state")).ShouldBe("up-to-date");
            await page.ClickAsync("nav.pager a[rel=last]");
            await page.WaitForURLAsync(new Regex("page=40"), Loaded);
            (await page.Locator("nav.pager a[rel=next]").CountAsync()).ShouldBe(0);

            await page.GotoAsync("/dashboard");
            await page.FillAsync("#filter-q", "plzen-0042");
            await page.ClickAsync("#fleet-filters button[type=submit]");
            await page.WaitForURLAsync(new Regex("q=plzen-0042"), Loaded);
            (await CountAsync(page, "#matching")).ShouldBe(1);
            await page.FillAsync("#filter-q", "PLZENSKA");
            await page.SelectOptionAsync("#filter-version", "5.3.0");
            await page.ClickAsync("#fleet-filters button[type=submit]");
            await page.WaitForURLAsync(new Regex("version=5.3.0"), Loaded);
            (await CountAsync(page, "#matching")).ShouldBe(customers.Single(c => c.Code == "plzen-tep").Installations.Count(i => i.IsVersion == "5.3.0"));
            await page.KeepAsync("fleet-filtered");
        });

    [Fact]
    public Task Every_manager_page_renders_and_is_kept_as_a_screenshot() =>
        fixture.RunAsync(nameof(Every_manager_page_renders_and_is_kept_as_a_screenshot), async page =>
        {
            await SignInAsync(page, fixture.Host.ManagerKey);
            foreach (var (path, name, text) in new[]
            {
                ("/dashboard/compliance", "compliance", "Act No. 349/2023 Coll."),
                ("/dashboard/customers/novak", "customer", "Novák Strojírny s.r.o."),
                ("/dashboard/queue", "queue", "Export of the VAT ledger fails"),
                ("/dashboard/search?q=plzen", "search", "Plzeňská teplárenská a.s."),
                ("/dashboard/support", "support", "System software support"),
                ("/dashboard/api", "api", "/api/customers"),
            })
            {
                var response = await page.GotoAsync(path);
                response!.Status.ShouldBe(200, path);
                (await page.InnerTextAsync("main")).ShouldContain(text, Case.Sensitive, path);
                await page.KeepAsync(name);
            }
        });

    [Fact]
    public Task A_contact_gets_html_error_pages_a_403_for_manager_pages_and_a_404_for_other_customers() =>
        fixture.RunAsync(nameof(A_contact_gets_html_error_pages_a_403_for_manager_pages_and_a_404_for_other_customers), async page =>
        {
            await SignInAsync(page, fixture.Host.NovakContactKey);
            (await CountAsync(page, "#count-installations")).ShouldBe(2);
            (await page.InnerTextAsync("#fleet")).ShouldNotContain("Plzeň");

            var forbidden = await page.GotoAsync("/dashboard/compliance");
            forbidden!.Status.ShouldBe(403);
            forbidden.Headers["content-type"].ShouldStartWith("text/html");
            (await page.InnerTextAsync("main")).ShouldContain("This page is for managers");
            await page.KeepAsync("forbidden");

            var other = await page.GotoAsync("/dashboard/customers/plzen-tep");
            other!.Status.ShouldBe(404);
            (await page.InnerTextAsync("main")).ShouldContain("Customer 'plzen-tep' does not exist.");
            await page.KeepAsync("not-found");
        });
}
