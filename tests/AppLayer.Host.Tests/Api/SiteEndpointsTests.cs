using System.Net;
using System.Net.Http.Json;
using AppLayer.Core.Customers;
using AppLayer.Core.Keys;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;

namespace AppLayer.Host.Tests.Api;

public static class SiteEndpointsTests
{
    /// <summary>Customer novak (covered, accounting) with installation novak-prod and its site key.</summary>
    public abstract class WithSite : CustomerEndpointsTests.WithManager, IAsyncLifetime
    {
        protected HttpClient Site { get; private set; } = null!;

        protected HttpClient Publisher { get; private set; } = null!;

        async Task IAsyncLifetime.InitializeAsync()
        {
            await InitializeAsync();
            await Manager.CoveredCustomerAsync("novak", "accounting");
            Site = Host.Client(await Host.KeyAsync(KeyScope.Site, "novak-prod"));
            Publisher = await Host.PublisherAsync();
        }

        protected async Task PushAsync(string id, string version, params string[] modules) =>
            (await Publisher.PushAsync(TestPackages.Update(id, version, modules))).StatusCode.ShouldBe(HttpStatusCode.Created);

        protected static DeploymentReportDto Report(string reportId, string id, string status = "applied", string version = "1.0.0") =>
            new(reportId, id, version, status, status == "failed" ? "step 2 of 3 failed: table locked" : "ok", null, new DateTimeOffset(2024, 1, 20, 10, 0, 0, TimeSpan.FromHours(1)));
    }

    public sealed class GetUpdates : WithSite
    {
        [Fact]
        public async Task Lists_the_newest_version_of_each_update_the_installation_is_entitled_to()
        {
            await PushAsync("Cz.Vat2024", "1.0.0", "accounting");
            await PushAsync("Cz.Vat2024", "1.10.0", "accounting");
            await PushAsync("Cz.Vat2024", "1.9.0", "accounting");
            await PushAsync("Cz.AllModules", "2.0.0");
            await PushAsync("Cz.MinimumWage2025", "1.0.0", "payroll");

            var updates = await Site.GetJsonAsync<AvailableUpdateDto[]>("/api/site/updates");

            updates.Select(u => $"{u.Id} {u.Version}").ShouldBe(["Cz.AllModules 2.0.0", "Cz.Vat2024 1.10.0"]);
            updates[1].Sha512.ShouldNotBeNullOrWhiteSpace();
            updates[1].LegalReferences.ShouldBe(["Act No. 349/2023 Coll."]);
        }

        [Fact]
        public async Task Lists_nothing_once_the_agreement_no_longer_covers_application_layer_support()
        {
            await PushAsync("Cz.Vat2024", "1.0.0", "accounting");
            (await Manager.PutAsJsonAsync("/api/customers/novak/agreement", new SetAgreementRequest(["help-desk"], []))).EnsureSuccessStatusCode();

            (await Site.GetJsonAsync<AvailableUpdateDto[]>("/api/site/updates")).ShouldBeEmpty();
        }
    }

    public sealed class PostReports : WithSite
    {
        [Fact]
        public async Task Stores_an_applied_report_once_with_an_update_applied_event()
        {
            await PushAsync("Cz.Vat2024", "1.0.0", "accounting");

            using var first = await Site.PostAsJsonAsync("/api/site/reports", Report("r-1", "Cz.Vat2024"));
            using var again = await Site.PostAsJsonAsync("/api/site/reports", Report("r-1", "Cz.Vat2024"));

            first.StatusCode.ShouldBe(HttpStatusCode.Created);
            again.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await Host.CountAsync("deployments")).ShouldBe(1);
            var history = await Manager.GetJsonAsync<HistoryEventDto[]>("/api/customers/novak/history");
            var applied = history.ShouldHaveSingleItem();
            applied.ShouldBe(new HistoryEventDto(
                new DateTimeOffset(2024, 1, 20, 9, 0, 0, TimeSpan.Zero),
                "update-applied",
                "novak-prod",
                "Cz.Vat2024 1.0.0",
                "Title of Cz.Vat2024 (Act No. 349/2023 Coll.)")
            {
                Id = applied.Id,
                Modules = applied.Modules,
                LegalReferences = applied.LegalReferences,
            });
            applied.Modules.ShouldBe(["accounting"]);
            applied.LegalReferences.ShouldBe(["Act No. 349/2023 Coll."]);
        }

        [Fact]
        public async Task Stores_a_failed_report_with_an_update_failed_event_carrying_the_message()
        {
            await PushAsync("Cz.Vat2024", "1.0", "accounting");

            using var response = await Site.PostAsJsonAsync("/api/site/reports", Report("r-2", "cz.vat2024", "failed", "1.0"));

            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            var failed = (await Manager.GetJsonAsync<HistoryEventDto[]>("/api/customers/novak/history")).ShouldHaveSingleItem();
            failed.Kind.ShouldBe("update-failed");
            failed.Subject.ShouldBe("Cz.Vat2024 1.0.0");
            failed.Detail.ShouldBe("step 2 of 3 failed: table locked");
        }

        [Fact]
        public async Task Keeps_one_row_when_the_same_report_arrives_concurrently()
        {
            await PushAsync("Cz.Vat2024", "1.0.0", "accounting");

            var statuses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
            {
                using var response = await Site.PostAsJsonAsync("/api/site/reports", Report("r-same", "Cz.Vat2024"));
                return response.StatusCode;
            }));

            statuses.Count(s => s == HttpStatusCode.Created).ShouldBe(1);
            statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(7);
            (await Host.CountAsync("deployments")).ShouldBe(1);
            (await Host.CountAsync("history_events")).ShouldBe(1);
        }

        [Fact]
        public async Task Answers_409_when_another_installation_reuses_a_report_id()
        {
            await PushAsync("Cz.Vat2024", "1.0.0", "accounting");
            await Manager.CoveredCustomerAsync("horak", "accounting");
            using var otherSite = Host.Client(await Host.KeyAsync(KeyScope.Site, "horak-prod"));
            (await Site.PostAsJsonAsync("/api/site/reports", Report("r-3", "Cz.Vat2024"))).EnsureSuccessStatusCode();

            using var response = await otherSite.PostAsJsonAsync("/api/site/reports", Report("r-3", "Cz.Vat2024"));

            await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
            (await Manager.GetJsonAsync<HistoryEventDto[]>("/api/customers/horak/history")).ShouldBeEmpty();
        }

        [Theory]
        [InlineData("Cz.Unknown", "applied", "not in the feed")]
        [InlineData("Cz.Vat2024", "exploded", "status 'exploded' is unknown")]
        public async Task Answers_400_and_stores_nothing_for_a_report_it_cannot_place(string id, string status, string title)
        {
            await PushAsync("Cz.Vat2024", "1.0.0", "accounting");

            using var response = await Site.PostAsJsonAsync("/api/site/reports", Report("r-4", id, status));

            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain(title);
            (await Host.CountAsync("deployments")).ShouldBe(0);
        }

        [Fact]
        public async Task Lists_history_oldest_first_across_legal_changes_and_reports()
        {
            await PushAsync("Cz.Vat2024", "1.0.0", "accounting");
            Host.Time.SetUtcNow(new DateTimeOffset(2024, 1, 18, 0, 0, 0, TimeSpan.Zero));
            await Manager.PostJsonAsync<LegalChangeDto>("/api/legal-changes", new CreateLegalChangeRequest("Act No. 349/2023 Coll.", "VAT", "CZ", "tax", new DateOnly(2024, 1, 1), []));
            (await Site.PostAsJsonAsync("/api/site/reports", Report("r-5", "Cz.Vat2024") with { At = new DateTimeOffset(2024, 1, 25, 0, 0, 0, TimeSpan.Zero) })).EnsureSuccessStatusCode();
            (await Site.PostAsJsonAsync("/api/site/reports", Report("r-6", "Cz.Vat2024", "failed") with { At = new DateTimeOffset(2024, 1, 19, 0, 0, 0, TimeSpan.Zero) })).EnsureSuccessStatusCode();

            var history = await Manager.GetJsonAsync<HistoryEventDto[]>("/api/customers/novak/history");

            history.Select(h => h.Kind).ShouldBe(["legal-change", "update-failed", "update-applied"]);
        }
    }
}
