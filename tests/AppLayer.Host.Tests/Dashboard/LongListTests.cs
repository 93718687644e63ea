using System.Net;
using System.Text.Json;
using AppLayer.Core.Customers;
using AppLayer.Core.Keys;
using AppLayer.Host.Tests.Api;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;
using AppLayer.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AppLayer.Host.Tests.Dashboard;

/// <summary>
/// Pages and exports as long as the data: 10,000 installations, a legal change covering all of them, a customer
/// with 10,000 events; each answers 200 with its last row and its end (nothing cut short), and the number of
/// queries a page makes does not grow with the fleet.
/// </summary>
public static class LongListTests
{
    private const int Many = 10_000;

    private static readonly DateTimeOffset HistoryStart = new(2023, 6, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Customer <c>bulk</c> (application layer, accounting) with <paramref name="installations"/> installations and the VAT change and update.</summary>
    public abstract class WithFleet(int installations) : CustomerEndpointsTests.WithManager, IAsyncLifetime
    {
        protected HttpClient Dashboard { get; private set; } = null!;

        protected IReadOnlyList<long> Installations { get; private set; } = [];

        async Task IAsyncLifetime.InitializeAsync()
        {
            await InitializeAsync();
            await Manager.CoveredCustomerAsync("bulk", "accounting");
            Installations = await Host.AddInstallationsAsync("bulk", installations - 1, "accounting");
            await Manager.PostJsonAsync<LegalChangeDto>(
                "/api/legal-changes",
                new CreateLegalChangeRequest(ComplianceFleet.Vat, "VAT reduced rates merged into 12 %", "CZ", "tax", new DateOnly(2024, 1, 1), ["accounting"]));
            using (var publisher = await Host.PublisherAsync())
            {
                await ComplianceFleet.PushAsync(publisher, "Cz.Vat2024", ComplianceFleet.Vat, "accounting");
            }

            Dashboard = await Host.SignInAsync(await Host.KeyAsync(KeyScope.Manager));
        }

        async Task IAsyncLifetime.DisposeAsync()
        {
            Dashboard.Dispose();
            await DisposeAsync();
        }

        protected string Last => BulkRows.Code("bulk", installations - 1);

        protected async Task<string> PageAsync(string path)
        {
            var (status, body) = await Dashboard.PageAsync(path);
            status.ShouldBe(HttpStatusCode.OK, body.Length > 2000 ? body[..2000] : body);
            body.TrimEnd().ShouldEndWith("</html>");
            return body;
        }
    }

    public sealed class TenThousandInstallations() : WithFleet(Many)
    {
        [Fact]
        public async Task The_fleet_page_counts_every_installation_and_pages_to_the_last()
        {
            var first = await PageAsync("/dashboard?sort=installation");
            var last = await PageAsync($"/dashboard?sort=installation&page={Many / 50}");
            var found = await PageAsync("/dashboard?q=" + Last.ToUpperInvariant());

            first.ShouldContain($"<strong id=\"count-installations\">{Many}</strong>");
            first.ShouldContain($"<span id=\"pages\">{Many / 50}</span>");
            first.Split("<tr class=\"installation\"").Length.ShouldBe(51);
            first.ShouldContain(BulkRows.Code("bulk", 1));
            first.ShouldNotContain(Last);
            last.ShouldContain(Last);
            last.ShouldContain("bulk-prod");
            last.ShouldNotContain("rel=\"next\"");
            found.ShouldContain(Last);
            found.ShouldContain("<span id=\"matching\">1</span>");
        }

        [Fact]
        public async Task The_compliance_radar_page_lists_every_installation_a_change_covers()
        {
            var radar = await Manager.GetJsonAsync<ComplianceReportDto>("/api/compliance?at=2024-01-20");
            var id = radar.Changes.ShouldHaveSingleItem().Id;

            var overview = await PageAsync("/dashboard/compliance?at=2024-01-20");
            var last = await PageAsync($"/dashboard/compliance?at=2024-01-20&change={id}&page={Many / 50}");

            overview.ShouldContain($"0/{Many} (0 %)");
            overview.ShouldContain($"all {Many} installations");
            overview.Length.ShouldBeLessThan(100_000);
            last.ShouldContain($"<td>{Last}</td><td class=\"bad\">exposed</td>");
            last.ShouldContain("at=2024-01-20");
            last.ShouldNotContain("rel=\"next\"");
        }

        [Fact]
        public async Task The_compliance_radar_api_lists_every_installation_a_change_covers()
        {
            var radar = await Manager.GetJsonAsync<ComplianceReportDto>("/api/compliance?at=2024-01-20");

            radar.Changes.ShouldHaveSingleItem().Exposed.ShouldBe(Many);
        }

        [Fact]
        public async Task The_customer_page_lists_every_installation()
        {
            var body = await PageAsync("/dashboard/customers/bulk");

            body.ShouldContain(Last);
        }
    }

    public sealed class TenThousandCustomers : CustomerEndpointsTests.WithManager
    {
        [Fact]
        public async Task Search_answers_when_every_customer_matches()
        {
            await Host.AddCustomersAsync("many", Many);
            using var dashboard = await Host.SignInAsync(await Host.KeyAsync(KeyScope.Manager));

            var (status, body) = await dashboard.PageAsync("/dashboard/search?q=many");

            status.ShouldBe(HttpStatusCode.OK);
            body.ShouldContain("many-00001");
            body.TrimEnd().ShouldEndWith("</html>");
        }

        [Fact]
        public async Task The_fleet_page_finds_and_pages_to_the_last_customer()
        {
            await Host.AddCustomersAsync("many", Many);
            using var dashboard = await Host.SignInAsync(await Host.KeyAsync(KeyScope.Manager));

            var (status, body) = await dashboard.PageAsync("/dashboard?q=" + BulkRows.Code("many", Many));
            var (lastStatus, last) = await dashboard.PageAsync("/dashboard?sort=customer&page=99999");

            status.ShouldBe(HttpStatusCode.OK);
            body.ShouldContain(BulkRows.Code("many", Many));
            body.ShouldContain("<span id=\"matching\">1</span>");
            lastStatus.ShouldBe(HttpStatusCode.OK);
            last.TrimEnd().ShouldEndWith("</html>");
            last.ShouldContain($"<span id=\"page\">{Many / 50}</span>");
            last.ShouldContain(BulkRows.Code("many", Many));
        }
    }

    public sealed class TenThousandEvents : CustomerEndpointsTests.WithManager, IAsyncLifetime
    {
        async Task IAsyncLifetime.InitializeAsync()
        {
            await InitializeAsync();
            await Manager.CoveredCustomerAsync("bulk", "accounting");
            await Host.AddHistoryAsync("bulk", Many, HistoryStart);
        }

        private static string Event(int i) => "event " + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);

        private static string Link(string body, string rel) =>
            System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(body, $"<a href=\"([^\"]+)\" rel=\"{rel}\">").Groups[1].Value);

        private static int Rows(string body) => body.Split("<tr class=\"event\">").Length - 1;

        [Fact]
        public async Task The_timeline_starts_newest_first_and_pages_both_ways()
        {
            using var dashboard = await Host.SignInAsync(await Host.KeyAsync(KeyScope.Manager));

            var (_, newest) = await dashboard.PageAsync("/dashboard/customers/bulk");
            var (_, older) = await dashboard.PageAsync(Link(newest, "next"));
            var (_, back) = await dashboard.PageAsync(Link(older, "prev"));
            var (_, oldest) = await dashboard.PageAsync(Link(newest, "last"));

            Rows(newest).ShouldBe(50);
            newest.IndexOf(Event(Many), StringComparison.Ordinal).ShouldBeLessThan(newest.IndexOf(Event(Many - 1), StringComparison.Ordinal));
            newest.ShouldNotContain(Event(Many - 50) + "<");
            newest.ShouldNotContain("rel=\"prev\"");
            Rows(older).ShouldBe(50);
            older.ShouldContain(Event(Many - 50) + "<");
            older.ShouldContain(Event(Many - 99) + "<");
            older.ShouldNotContain(Event(Many) + "<");
            back.ShouldContain(Event(Many) + "<");
            back.ShouldContain(Event(Many - 49) + "<");
            back.ShouldNotContain(Event(Many - 50) + "<");
            oldest.ShouldContain(Event(1) + "<");
            oldest.ShouldContain(Event(50) + "<");
            oldest.ShouldNotContain("rel=\"next\"");
            Rows(oldest).ShouldBe(50);
        }

        [Fact]
        public async Task The_timeline_jumps_to_the_end_of_a_day_in_the_viewers_zone()
        {
            using var dashboard = await Host.SignInAsync(await Host.KeyAsync(KeyScope.Manager));

            // One event a minute from 2023-06-01 08:00 UTC: event i at 08:00 + i min, so the last one of that day in Prague (UTC+2) is the 839th, at 21:59 UTC.
            var (status, body) = await dashboard.PageAsync("/dashboard/customers/bulk?date=2023-06-01");
            var (bad, page) = await dashboard.PageAsync("/dashboard/customers/bulk?date=2023-02-30");

            status.ShouldBe(HttpStatusCode.OK);
            body.ShouldContain(Event(839) + "<");
            body.ShouldNotContain(Event(840) + "<");
            body.ShouldContain("2023-06-01 23:59");
            body.ShouldContain("rel=\"prev\"");
            bad.ShouldBe(HttpStatusCode.BadRequest);
            page.ShouldContain("2023-02-30");
        }

        [Theory]
        [InlineData("/api/customers/bulk/history/export")]
        [InlineData("/dashboard/customers/bulk/export")]
        public async Task Every_export_format_holds_every_event(string path)
        {
            using var client = path.StartsWith("/dashboard", StringComparison.Ordinal)
                ? await Host.SignInAsync(await Host.KeyAsync(KeyScope.Manager))
                : Host.Client(await Host.KeyAsync(KeyScope.Manager));
            var last = "event " + Many.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);

            foreach (var format in new[] { "json", "csv", "html", "markdown" })
            {
                using var response = await client.GetAsync(new Uri($"{path}?format={format}", UriKind.Relative));
                var body = await response.Content.ReadAsStringAsync();

                response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{format}: {(body.Length > 2000 ? body[..2000] : body)}");
                body.ShouldContain(last, customMessage: format);
                switch (format)
                {
                    case "json":
                        JsonDocument.Parse(body).RootElement.EnumerateArray().Count(e => e.GetProperty("subject").GetString()!.StartsWith("event ", StringComparison.Ordinal)).ShouldBe(Many);
                        break;
                    case "csv":
                    case "markdown":
                        body.Split('\n').Count(l => l.Contains("event ", StringComparison.Ordinal)).ShouldBe(Many);
                        break;
                    case "html":
                        body.TrimEnd().ShouldEndWith("</html>");
                        body.ShouldContain("applied &lt;b&gt;" + last);
                        break;
                }
            }
        }
    }

    /// <summary>The same pages at 10 and at 1,000 installations, each with an applied update: the same number of queries.</summary>
    public sealed class QueriesPerPage
    {
        [Theory]
        [InlineData("/dashboard")]
        [InlineData("/dashboard/compliance?at=2024-01-20")]
        [InlineData("/dashboard/customers/bulk")]
        [InlineData("/api/compliance?at=2024-01-20")]
        public async Task Do_not_grow_with_the_fleet(string path)
        {
            var small = await CountQueriesAsync(10, path);
            var large = await CountQueriesAsync(1_000, path);

            large.ShouldBe(small);
        }

        [Theory]
        [InlineData("/dashboard/customers/bulk")]
        [InlineData("/dashboard/customers/bulk?date=2023-06-02")]
        [InlineData("/api/customers/bulk/history")]
        public async Task Do_not_grow_with_the_history(string path)
        {
            var small = await CountHistoryQueriesAsync(100, path);
            var large = await CountHistoryQueriesAsync(Many, path);

            large.ShouldBe(small);
        }

        private static async Task<long> CountHistoryQueriesAsync(int events, string path)
        {
            await using var host = new HostFactory();
            using var manager = await host.ManagerAsync();
            await manager.CoveredCustomerAsync("bulk", "accounting");
            await host.AddHistoryAsync("bulk", events, HistoryStart);
            using var client = path.StartsWith("/api", StringComparison.Ordinal) ? manager : await host.SignInAsync(await host.KeyAsync(KeyScope.Manager));
            var database = host.Services.GetRequiredService<SqliteDatabase>();
            (await client.PageAsync(path)).Status.ShouldBe(HttpStatusCode.OK);
            var before = database.ConnectionsOpened;
            var (status, body) = await client.PageAsync(path);
            status.ShouldBe(HttpStatusCode.OK);
            if (path.StartsWith("/dashboard", StringComparison.Ordinal))
            {
                body.ShouldContain("svg class=\"chart\"");
            }

            return database.ConnectionsOpened - before;
        }

        private static async Task<long> CountQueriesAsync(int installations, string path)
        {
            await using var host = new HostFactory();
            using var manager = await host.ManagerAsync();
            await manager.CoveredCustomerAsync("bulk", "accounting");
            var ids = await host.AddInstallationsAsync("bulk", installations - 1, "accounting");
            await manager.PostJsonAsync<LegalChangeDto>(
                "/api/legal-changes",
                new CreateLegalChangeRequest(ComplianceFleet.Vat, "VAT", "CZ", "tax", new DateOnly(2024, 1, 1), ["accounting"]));
            using (var publisher = await host.PublisherAsync())
            {
                await ComplianceFleet.PushAsync(publisher, "Cz.Vat2024", ComplianceFleet.Vat, "accounting");
            }

            await host.AddDeploymentsAsync(ids, "Cz.Vat2024", DeploymentStatus.Applied, new DateTimeOffset(2024, 1, 16, 8, 0, 0, TimeSpan.Zero));
            using var client = path.StartsWith("/api", StringComparison.Ordinal) ? manager : await host.SignInAsync(await host.KeyAsync(KeyScope.Manager));
            var database = host.Services.GetRequiredService<SqliteDatabase>();

            // The first request warms the key and session caches; the second is counted.
            (await client.PageAsync(path)).Status.ShouldBe(HttpStatusCode.OK);
            var before = database.ConnectionsOpened;
            (await client.PageAsync(path)).Status.ShouldBe(HttpStatusCode.OK);
            return database.ConnectionsOpened - before;
        }
    }
}
