using System.Net;
using System.Text.RegularExpressions;
using AppLayer.Core.Keys;
using AppLayer.Host.Tests.Api;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AppLayer.Host.Tests.Dashboard;

/// <summary>The service desk queue: open tickets across customers, breached first, then the deadline soonest, with owner and time left.</summary>
public static class QueuePageTests
{
    private static List<string> Column(string body, string pattern) => [.. Regex.Matches(body, pattern).Select(m => m.Groups[1].Value)];

    public sealed class WithTickets : CustomerEndpointsTests.WithManager
    {
        [Fact]
        public async Task Lists_breached_tickets_first_then_by_the_deadline_with_owner_and_time_left()
        {
            await Manager.CoveredCustomerAsync("novak", "accounting");
            await Host.AddTicketsAsync("novak", 60);
            using var dashboard = await Host.SignInAsync(await Host.KeyAsync(KeyScope.Manager));

            var (status, body) = await dashboard.PageAsync("/dashboard/queue");

            status.ShouldBe(HttpStatusCode.OK);
            body.ShouldContain("<strong id=\"count-open\">60</strong>");
            var states = Column(body, "<tr class=\"ticket\" data-state=\"([a-z]+)\"");
            states.Count.ShouldBe(50);
            states[0].ShouldBe("breached");
            states.SkipWhile(s => s == "breached").ShouldAllBe(s => s != "breached");
            body.ShouldContain("ticket 00060");
            body.ShouldContain(">eva<");
            body.ShouldContain("not assigned");
            body.ShouldContain("breached ");
            body.ShouldContain("rel=\"next\"");
        }

        [Fact]
        public async Task Filters_by_owner_and_search_ignoring_diacritics()
        {
            await Manager.PostJsonAsync<AppLayer.Protocol.Api.CustomerDto>("/api/customers", new AppLayer.Protocol.Api.CreateCustomerRequest("plzen", "Plzeňská teplárenská a.s."));
            await Host.AddTicketsAsync("plzen", 4);
            using var dashboard = await Host.SignInAsync(await Host.KeyAsync(KeyScope.Manager));

            var (_, eva) = await dashboard.PageAsync("/dashboard/queue?owner=eva");
            var (_, nobody) = await dashboard.PageAsync("/dashboard/queue?owner=-");
            var (_, found) = await dashboard.PageAsync("/dashboard/queue?q=PLZENSKA");
            var (_, none) = await dashboard.PageAsync("/dashboard/queue?q=horak");

            eva.ShouldContain("<span id=\"matching\">2</span>");
            nobody.ShouldContain("<span id=\"matching\">2</span>");
            found.ShouldContain("<span id=\"matching\">4</span>");
            none.ShouldContain("id=\"no-tickets\"");
        }

        [Fact]
        public async Task Is_for_managers_only()
        {
            await Manager.CoveredCustomerAsync("novak", "accounting");
            var key = await Manager.PostJsonAsync<AppLayer.Protocol.Api.CreatedKeyDto>("/api/customers/novak/contact-keys", new { });
            using var contact = await Host.SignInAsync(key.Key);

            var (status, body) = await contact.PageAsync("/dashboard/queue");

            status.ShouldBe(HttpStatusCode.Forbidden);
            body.ShouldContain("This page is for managers");
        }
    }

    public sealed class TenThousandTickets : CustomerEndpointsTests.WithManager
    {
        [Fact]
        public async Task Counts_every_ticket_and_pages_to_the_last()
        {
            await Manager.CoveredCustomerAsync("bulk", "accounting");
            await Host.AddTicketsAsync("bulk", 10_000);
            using var dashboard = await Host.SignInAsync(await Host.KeyAsync(KeyScope.Manager));

            var (status, first) = await dashboard.PageAsync("/dashboard/queue");
            var (_, last) = await dashboard.PageAsync("/dashboard/queue?page=200");

            status.ShouldBe(HttpStatusCode.OK);
            first.ShouldContain("<strong id=\"count-open\">10000</strong>");
            first.ShouldContain("<span id=\"pages\">200</span>");
            first.ShouldContain("ticket 10000"); // the oldest is the longest overdue
            last.TrimEnd().ShouldEndWith("</html>");
            Column(last, "<tr class=\"ticket\" data-state=\"([a-z]+)\"").Count.ShouldBe(50);
            last.ShouldNotContain("rel=\"next\"");
        }

        [Fact]
        public async Task Makes_as_many_queries_at_10_tickets_as_at_10000()
        {
            (await CountQueriesAsync(10)).ShouldBe(await CountQueriesAsync(10_000));
        }

        private static async Task<long> CountQueriesAsync(int tickets)
        {
            await using var host = new HostFactory();
            using var manager = await host.ManagerAsync();
            await manager.CoveredCustomerAsync("bulk", "accounting");
            await host.AddTicketsAsync("bulk", tickets);
            using var dashboard = await host.SignInAsync(await host.KeyAsync(KeyScope.Manager));
            var database = host.Services.GetRequiredService<SqliteDatabase>();
            (await dashboard.PageAsync("/dashboard/queue")).Status.ShouldBe(HttpStatusCode.OK);
            var before = database.ConnectionsOpened;
            (await dashboard.PageAsync("/dashboard/queue")).Status.ShouldBe(HttpStatusCode.OK);
            return database.ConnectionsOpened - before;
        }
    }
}
