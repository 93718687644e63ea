using System.Net;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;

namespace AppLayer.Host.Tests.History;

public static class HistoryEndpointTests
{
    public sealed class Filters : HistoryScenario
    {
        [Fact]
        public async Task Without_filters_list_every_event_of_the_customer_oldest_first()
        {
            var events = await HistoryAsync();

            events.Select(e => e.Kind).ShouldBe(["legal-change", "legal-change", "update-applied", "update-failed", "update-applied", "update-applied"]);
            events.Select(e => e.Id).Distinct().Count().ShouldBe(6);
        }

        [Fact]
        public async Task By_kind_keep_only_those_kinds()
        {
            (await HistoryAsync("?kind=update-failed")).ShouldHaveSingleItem().Installation.ShouldBe("novak-test");
            (await HistoryAsync("?kind=update-failed,legal-change")).Length.ShouldBe(3);
        }

        [Fact]
        public async Task By_module_keep_events_that_concern_the_module()
        {
            var events = await HistoryAsync("?module=PAYROLL");

            events.Select(e => e.Subject).ShouldBe(["Government Regulation No. 286/2024 Coll. (CZ)", "Cz.MinimumWage2025 1.0.0"]);
        }

        [Fact]
        public async Task By_legal_reference_match_part_of_it_case_insensitively()
        {
            var events = await HistoryAsync("?legal=349%2F2023%20coll");

            events.Select(e => e.Kind).ShouldBe(["legal-change", "update-applied", "update-failed"]);
            events.ShouldAllBe(e => e.LegalReferences.Contains("Act No. 349/2023 Coll."));
        }

        [Fact]
        public async Task By_installation_and_period_include_both_end_days()
        {
            (await HistoryAsync("?installation=NOVAK-TEST")).Select(e => e.Subject).ShouldBe(["Cz.Vat2024 1.0.0", "Novak.Report 1.0.0"]);
            (await HistoryAsync("?from=2024-01-20&to=2024-02-01")).Select(e => e.Kind).ShouldBe(["update-applied", "update-failed"]);
            (await HistoryAsync("?from=2024-03-06")).ShouldBeEmpty();
        }

        [Fact]
        public async Task Never_show_another_customers_events()
        {
            var horak = await Manager.GetJsonAsync<HistoryEventDto[]>("/api/customers/horak/history");

            horak.Select(e => e.Subject).ShouldBe(["Act No. 349/2023 Coll. (CZ)"]);
        }
    }

    public sealed class Paging : HistoryScenario
    {
        [Fact]
        public async Task Follows_next_links_through_every_event_once_in_order()
        {
            var all = await HistoryAsync();
            var seen = new List<HistoryEventDto>();
            var next = "/api/customers/novak/history?limit=4";
            var pages = 0;
            while (next is not null)
            {
                using var response = await Manager.GetAsync(new Uri(next, UriKind.Relative));
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                seen.AddRange(await response.ReadAsync<HistoryEventDto[]>());
                next = response.Headers.TryGetValues("Link", out var links)
                    ? links.Single().Split(';')[0].Trim('<', '>')
                    : null;
                pages++;
            }

            pages.ShouldBe(2);
            seen.Select(e => e.Id).ShouldBe(all.Select(e => e.Id));
        }

        [Fact]
        public async Task Keeps_the_filters_on_the_next_page()
        {
            using var first = await Manager.GetAsync(new Uri("/api/customers/novak/history?kind=update-applied&limit=2", UriKind.Relative));
            var cursor = first.Headers.GetValues("X-Next-Cursor").Single();

            var rest = await HistoryAsync($"?kind=update-applied&limit=2&after={cursor}");

            rest.ShouldHaveSingleItem().Subject.ShouldBe("Cz.MinimumWage2025 1.0.0");
        }
    }

    public sealed class BadInput : HistoryScenario
    {
        [Theory]
        [InlineData("?from=2024-13-01", "'from' date '2024-13-01'")]
        [InlineData("?to=yesterday", "'to' date 'yesterday'")]
        [InlineData("?from=2024-03-01&to=2024-02-01", "starts (2024-03-01) after it ends")]
        [InlineData("?after=not-a-cursor", "paging cursor")]
        [InlineData("?limit=0", "limit '0'")]
        [InlineData("?kind=Update%20applied", "not an event kind")]
        public async Task Is_a_400_problem_that_names_the_value(string query, string expected)
        {
            using var response = await Manager.GetAsync(new Uri("/api/customers/novak/history" + query, UriKind.Relative));

            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain(expected);
        }

        [Fact]
        public async Task An_unknown_customer_is_a_404_problem()
        {
            using var response = await Manager.GetAsync(new Uri("/api/customers/nobody/history/export?format=csv", UriKind.Relative));

            (await response.ShouldBeProblemAsync(HttpStatusCode.NotFound)).ShouldBe("Customer 'nobody' does not exist.");
        }

        [Fact]
        public async Task An_unknown_export_format_is_a_400_problem()
        {
            using var response = await Manager.GetAsync(new Uri("/api/customers/novak/history/export?format=pdf", UriKind.Relative));

            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain("'pdf' is unknown");
        }
    }
}
