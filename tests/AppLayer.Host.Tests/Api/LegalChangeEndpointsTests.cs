using System.Net;
using System.Net.Http.Json;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;

namespace AppLayer.Host.Tests.Api;

public static class LegalChangeEndpointsTests
{
    private static CreateLegalChangeRequest Vat(params string[] modules) =>
        new("Act No. 349/2023 Coll.", "VAT reduced rates merged into 12 %", "CZ", "tax", new DateOnly(2024, 1, 1), modules);

    public sealed class PostLegalChanges : CustomerEndpointsTests.WithManager
    {
        [Fact]
        public async Task Records_a_change_and_lists_it()
        {
            var recorded = await Manager.PostJsonAsync<LegalChangeDto>("/api/legal-changes", Vat("Accounting"));

            var listed = await Manager.GetJsonAsync<LegalChangeDto[]>("/api/legal-changes");

            recorded.Id.ShouldBeGreaterThan(0);
            recorded.Modules.ShouldBe(["accounting"]);
            var only = listed.ShouldHaveSingleItem();
            (only.Id, only.Reference, only.Title, only.Jurisdiction, only.Area).ShouldBe((recorded.Id, recorded.Reference, recorded.Title, "CZ", "tax"));
            only.References.ShouldBe(["Act No. 349/2023 Coll."]);
            only.Status.ShouldBe("announced");
            only.EffectiveDate.ShouldBe(new DateOnly(2024, 1, 1));
        }

        [Fact]
        public async Task Answers_409_for_the_same_reference_and_jurisdiction()
        {
            await Manager.PostJsonAsync<LegalChangeDto>("/api/legal-changes", Vat());

            using var response = await Manager.PostAsJsonAsync("/api/legal-changes", Vat() with { Reference = "act no. 349/2023 coll.", Jurisdiction = "cz" });

            await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
            (await Host.CountAsync("legal_changes")).ShouldBe(1);
        }

        [Fact]
        public async Task Allows_the_same_reference_in_another_jurisdiction()
        {
            await Manager.PostJsonAsync<LegalChangeDto>("/api/legal-changes", Vat());

            await Manager.PostJsonAsync<LegalChangeDto>("/api/legal-changes", Vat() with { Jurisdiction = "SK" });

            (await Host.CountAsync("legal_changes")).ShouldBe(2);
        }

        [Fact]
        public async Task Writes_a_history_event_only_for_covered_customers_whose_installations_have_the_modules()
        {
            await Manager.CoveredCustomerAsync("accounts", "accounting");
            await Manager.CoveredCustomerAsync("wages", "payroll");
            await Manager.CustomerWithInstallationAsync("uncovered", "uncovered-prod", ["help-desk"], ["accounting"]);

            await Manager.PostJsonAsync<LegalChangeDto>("/api/legal-changes", Vat("accounting"));

            var history = await Manager.GetJsonAsync<HistoryEventDto[]>("/api/customers/accounts/history");
            var only = history.ShouldHaveSingleItem();
            only.Kind.ShouldBe("legal-change");
            only.Subject.ShouldBe("Act No. 349/2023 Coll. (CZ)");
            only.Detail.ShouldContain("VAT reduced rates merged into 12 %");
            only.Detail.ShouldContain("2024-01-01");
            only.Installation.ShouldBeNull();
            only.At.ShouldBe(Host.Time.GetUtcNow());
            (await Manager.GetJsonAsync<HistoryEventDto[]>("/api/customers/wages/history")).ShouldBeEmpty();
            (await Manager.GetJsonAsync<HistoryEventDto[]>("/api/customers/uncovered/history")).ShouldBeEmpty();
        }

        [Fact]
        public async Task Writes_a_history_event_for_every_covered_customer_when_the_change_names_no_modules()
        {
            await Manager.CoveredCustomerAsync("accounts", "accounting");
            await Manager.CoveredCustomerAsync("wages", "payroll");
            await Manager.PostJsonAsync<CustomerDto>("/api/customers", new CreateCustomerRequest("bare", "No installation yet"));
            (await Manager.PutAsJsonAsync("/api/customers/bare/agreement", new SetAgreementRequest(["application-layer"], []))).EnsureSuccessStatusCode();
            await Manager.CustomerWithInstallationAsync("uncovered", "uncovered-prod", ["help-desk"], ["accounting"]);

            await Manager.PostJsonAsync<LegalChangeDto>("/api/legal-changes", Vat());

            foreach (var covered in new[] { "accounts", "wages", "bare" })
            {
                (await Manager.GetJsonAsync<HistoryEventDto[]>($"/api/customers/{covered}/history")).ShouldHaveSingleItem().Kind.ShouldBe("legal-change");
            }

            (await Manager.GetJsonAsync<HistoryEventDto[]>("/api/customers/uncovered/history")).ShouldBeEmpty();
            (await Host.CountAsync("history_events")).ShouldBe(3);
        }

        [Fact]
        public async Task Writes_no_history_when_the_change_is_refused_as_a_duplicate()
        {
            await Manager.CoveredCustomerAsync("accounts", "accounting");
            await Manager.PostJsonAsync<LegalChangeDto>("/api/legal-changes", Vat());

            (await Manager.PostAsJsonAsync("/api/legal-changes", Vat())).StatusCode.ShouldBe(HttpStatusCode.Conflict);

            (await Host.CountAsync("history_events")).ShouldBe(1);
        }

        [Fact]
        public async Task Answers_400_for_a_missing_title()
        {
            using var response = await Manager.PostAsJsonAsync("/api/legal-changes", Vat() with { Title = " " });

            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldBe("Title is required.");
        }
    }

    public sealed class GetHistory : CustomerEndpointsTests.WithManager
    {
        [Fact]
        public async Task Answers_404_problem_for_an_unknown_customer()
        {
            using var response = await Manager.GetAsync(new Uri("/api/customers/nobody/history", UriKind.Relative));

            (await response.ShouldBeProblemAsync(HttpStatusCode.NotFound)).ShouldBe("Customer 'nobody' does not exist.");
        }
    }
}
