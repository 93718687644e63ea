using System.Text.RegularExpressions;
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
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new Regex("/dashboard$"), Loaded);
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
}
