using System.Net;
using AppLayer.Core.Customers;
using AppLayer.Core.Keys;
using AppLayer.Host.Tests.History;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AppLayer.Host.Tests.Dashboard;

public static class DashboardTests
{
    public sealed class SignIn : HistoryScenario
    {
        [Fact]
        public async Task Without_a_session_a_page_redirects_to_the_sign_in_form()
        {
            using var client = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

            using var response = await client.GetAsync(new Uri("/dashboard/customers/novak", UriKind.Relative));

            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.ToString().ShouldContain("/dashboard/sign-in?returnUrl=%2Fdashboard%2Fcustomers%2Fnovak");
        }

        [Theory]
        [InlineData("al_0000000000000000000000000000000000000000000", "The key is unknown")]
        [InlineData("site", "cannot sign in to the dashboard")]
        public async Task A_bad_or_wrong_key_shows_the_form_again_with_the_reason(string key, string reason)
        {
            if (key == "site")
            {
                key = await Host.KeyAsync(KeyScope.Site, "novak-prod");
            }

            using var client = Host.CreateClient();
            using var form = new FormUrlEncodedContent([new("key", key)]);
            using var response = await client.PostAsync(new Uri("/dashboard/sign-in", UriKind.Relative), form);

            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await response.Content.ReadAsStringAsync()).ShouldContain(reason);
            response.Headers.Contains("Set-Cookie").ShouldBeFalse();
        }

        [Fact]
        public async Task A_manager_sees_every_customer_in_the_fleet_with_failing_deployments()
        {
            using var client = await Host.SignInAsync(await Host.KeyAsync(KeyScope.Manager));

            var (status, body) = await client.PageAsync("/dashboard");

            status.ShouldBe(HttpStatusCode.OK);
            body.ShouldContain("novak s.r.o.");
            body.ShouldContain("horak s.r.o.");
            body.ShouldContain("<th>2025.1</th>");
            body.ShouldContain("Cz.Vat2024 1.0.0</td><td class=\"bad\">failed</td>");
        }
    }

    public sealed class Contacts : HistoryScenario
    {
        private async Task<HttpClient> NovakContactAsync()
        {
            var key = await Manager.PostJsonAsync<CreatedKeyDto>("/api/customers/novak/contact-keys", new { });
            key.Scope.ShouldBe("contact");
            key.Customer.ShouldBe("novak");
            return await Host.SignInAsync(key.Key);
        }

        [Fact]
        public async Task See_their_own_customer()
        {
            using var contact = await NovakContactAsync();

            var (status, body) = await contact.PageAsync("/dashboard/customers/novak");

            status.ShouldBe(HttpStatusCode.OK);
            body.ShouldContain("Signed in as contact of novak");
        }

        [Theory]
        [InlineData("/dashboard/customers/horak")]
        [InlineData("/dashboard/customers/horak/export?format=csv")]
        [InlineData("/dashboard/customers/horak/changelog")]
        [InlineData("/dashboard/customers/nobody")]
        public async Task Get_404_for_any_other_customer(string path)
        {
            using var contact = await NovakContactAsync();

            var (status, body) = await contact.PageAsync(path);

            status.ShouldBe(HttpStatusCode.NotFound);
            body.ShouldContain("does not exist.");
            body.ShouldNotContain("horak s.r.o.");
        }

        [Fact]
        public async Task Find_only_their_customer_in_the_fleet_and_in_search()
        {
            using var contact = await NovakContactAsync();

            (await contact.PageAsync("/dashboard")).Body.ShouldNotContain("horak");
            (await contact.PageAsync("/dashboard/search?q=s.r.o.")).Body.ShouldNotContain("horak");
            (await contact.PageAsync("/dashboard/api")).Status.ShouldBe(HttpStatusCode.Forbidden);
        }

        [Fact]
        public async Task Cannot_use_their_key_on_the_manager_api()
        {
            var key = await Manager.PostJsonAsync<CreatedKeyDto>("/api/customers/novak/contact-keys", new { });
            using var client = Host.Client(key.Key);

            using var response = await client.GetAsync(new Uri("/api/customers/novak/history", UriKind.Relative));

            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    public sealed class CompliancePage : HistoryScenario
    {
        [Fact]
        public async Task Shows_each_legal_change_with_every_installations_state()
        {
            using var client = await Host.SignInAsync(await Host.KeyAsync(KeyScope.Manager));

            var (status, body) = await client.PageAsync("/dashboard/compliance?at=2024-12-10&horizon=30");

            status.ShouldBe(HttpStatusCode.OK);
            body.ShouldContain("<h1>Compliance radar</h1>");
            body.ShouldContain("(on 2024-12-10, horizon 30 days)");
            body.ShouldContain("<table class=\"compliance\">");
            body.ShouldContain("href=\"/dashboard/compliance\"");
        }

        [Fact]
        public async Task Answers_a_bad_date_with_a_400_page_that_names_it()
        {
            using var client = await Host.SignInAsync(await Host.KeyAsync(KeyScope.Manager));

            var (status, body) = await client.PageAsync("/dashboard/compliance?at=2024-13-40");

            status.ShouldBe(HttpStatusCode.BadRequest);
            body.ShouldContain("2024-13-40");
        }

        [Fact]
        public async Task Is_for_managers_only()
        {
            var key = await Manager.PostJsonAsync<CreatedKeyDto>("/api/customers/novak/contact-keys", new { });
            using var contact = await Host.SignInAsync(key.Key);

            (await contact.PageAsync("/dashboard/compliance")).Status.ShouldBe(HttpStatusCode.Forbidden);
            (await contact.PageAsync("/dashboard")).Body.ShouldNotContain("href=\"/dashboard/compliance\"");
        }
    }

    public sealed class CustomerPage : HistoryScenario
    {
        [Fact]
        public async Task Shows_the_timeline_a_chart_and_export_links_that_keep_the_filters()
        {
            using var client = await Host.SignInAsync(await Host.KeyAsync(KeyScope.Manager));

            var (status, body) = await client.PageAsync("/dashboard/customers/novak?installation=novak-test");

            status.ShouldBe(HttpStatusCode.OK);
            body.Split("<tr class=\"event\">").Length.ShouldBe(3);
            body.ShouldContain("<svg class=\"chart\"");
            body.ShouldContain("<title>2024-02: 1</title>");
            body.ShouldContain("href=\"/dashboard/customers/novak/export?installation=novak-test&amp;format=csv\"");
            var (exportStatus, csv) = await client.PageAsync("/dashboard/customers/novak/export?installation=novak-test&format=csv");
            exportStatus.ShouldBe(HttpStatusCode.OK);
            csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(3);
        }

        [Fact]
        public async Task Pages_through_the_timeline_with_a_next_link()
        {
            for (var i = 0; i < 50; i++)
            {
                await Manager.PostJsonAsync<LegalChangeDto>("/api/legal-changes", new CreateLegalChangeRequest($"Act No. {i}/2024 Coll.", "Filler", "CZ", "tax", new DateOnly(2024, 6, 1), []));
            }

            using var client = await Host.SignInAsync(await Host.KeyAsync(KeyScope.Manager));
            var (_, first) = await client.PageAsync("/dashboard/customers/novak?kind=legal-change");
            var next = System.Text.RegularExpressions.Regex.Match(first, "href=\"([^\"]+)\" rel=\"next\"").Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
            var (_, second) = await client.PageAsync(next);

            first.Split("<tr class=\"event\">").Length.ShouldBe(51);
            second.Split("<tr class=\"event\">").Length.ShouldBe(3);
            second.ShouldNotContain("rel=\"next\"");
        }

        [Fact]
        public async Task Shows_a_bad_filter_as_a_400_page()
        {
            using var client = await Host.SignInAsync(await Host.KeyAsync(KeyScope.Manager));

            var (status, body) = await client.PageAsync("/dashboard/customers/novak?from=31.12.2024");

            status.ShouldBe(HttpStatusCode.BadRequest);
            body.ShouldContain("The &#x27;from&#x27; date &#x27;31.12.2024&#x27; is not a date");
        }

        [Fact]
        public async Task Links_the_customer_changelog()
        {
            using var client = await Host.SignInAsync(await Host.KeyAsync(KeyScope.Manager));

            var (status, body) = await client.PageAsync("/dashboard/customers/novak/changelog");

            status.ShouldBe(HttpStatusCode.OK);
            body.ShouldContain("<h2>2025.1");
            body.ShouldContain("Outside releases");
        }
    }

    public sealed class OpenApi : HistoryScenario
    {
        [Fact]
        public async Task The_document_describes_the_json_api_and_the_api_page_lists_it()
        {
            using var anonymous = Host.CreateClient();
            var document = await anonymous.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
            using var client = await Host.SignInAsync(await Host.KeyAsync(KeyScope.Manager));
            var (_, page) = await client.PageAsync("/dashboard/api");

            document.ShouldContain("\"/api/customers/{code}/history\"");
            document.ShouldNotContain("/dashboard");
            page.ShouldContain("<code>/api/customers/{code}/history</code>");
        }
    }
}
