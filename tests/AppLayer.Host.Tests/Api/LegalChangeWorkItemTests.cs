using System.Net;
using System.Net.Http.Json;
using AppLayer.Core.Agreements;
using AppLayer.Core.Keys;
using AppLayer.Core.Releases;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;

namespace AppLayer.Host.Tests.Api;

public static class LegalChangeWorkItemTests
{
    private static CreateLegalChangeRequest Wage() => new(
        "Government Regulation No. 286/2024 Coll.",
        "Minimum wage CZK 20,800",
        "CZ",
        "payroll",
        new DateOnly(2025, 1, 1),
        ["payroll"],
        References: ["Act No. 262/2006 Coll., section 111"],
        SourceUrl: "https://example.org/sb/2024/286",
        AnnouncedOn: new DateOnly(2024, 9, 30),
        TransitionEndsOn: new DateOnly(2025, 3, 31),
        Assignee: "jana.dvorakova");

    public abstract class WithChange : CustomerEndpointsTests.WithManager, IAsyncLifetime
    {
        protected LegalChangeDto Change { get; private set; } = null!;

        async Task IAsyncLifetime.InitializeAsync()
        {
            await InitializeAsync();
            Manager.DefaultRequestHeaders.Add("X-AppLayer-User", "jana");
            Change = await Manager.PostJsonAsync<LegalChangeDto>("/api/legal-changes", Wage());
        }

        protected Task<HttpResponseMessage> StatusAsync(string status, string? reason = null) =>
            Manager.PostAsJsonAsync($"/api/legal-changes/{Change.Id}/status", new SetLegalChangeStatusRequest(status, reason));

        protected async Task<LegalChangeDto> MoveAsync(params string[] statuses)
        {
            foreach (var status in statuses)
            {
                using var response = await StatusAsync(status);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            }

            return await Manager.GetJsonAsync<LegalChangeDto>($"/api/legal-changes/{Change.Id}");
        }

        protected Task<LegalChangeAuditDto[]> AuditAsync() => Manager.GetJsonAsync<LegalChangeAuditDto[]>($"/api/legal-changes/{Change.Id}/audit");
    }

    public sealed class Recording : WithChange
    {
        [Fact]
        public async Task Keeps_every_reference_the_dates_the_source_link_and_the_assignee()
        {
            var read = await Manager.GetJsonAsync<LegalChangeDto>($"/api/legal-changes/{Change.Id}");

            read.References.ShouldBe(["Government Regulation No. 286/2024 Coll.", "Act No. 262/2006 Coll., section 111"]);
            read.Reference.ShouldBe("Government Regulation No. 286/2024 Coll.");
            (read.AnnouncedOn, read.EffectiveDate, read.TransitionEndsOn).ShouldBe((new DateOnly(2024, 9, 30), new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31)));
            read.SourceUrl.ShouldBe("https://example.org/sb/2024/286");
            read.Assignee.ShouldBe("jana.dvorakova");
            read.Status.ShouldBe("announced");
            var recorded = (await AuditAsync()).ShouldHaveSingleItem();
            recorded.Field.ShouldBe("recorded");
            recorded.Actor.ShouldStartWith("jana (manager key #");
            recorded.At.ShouldBe(Host.Time.GetUtcNow());
        }

        [Fact]
        public async Task Refuses_an_effective_date_before_the_announcement_and_stores_nothing()
        {
            using var response = await Manager.PostAsJsonAsync("/api/legal-changes", Wage() with { Reference = "Act No. 1/2025 Coll.", References = null, AnnouncedOn = new DateOnly(2025, 2, 1) });

            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldBe("The effective date 2025-01-01 is before the announcement on 2025-02-01.");
            (await Host.CountAsync("legal_changes")).ShouldBe(1);
            (await Host.CountAsync("legal_change_references")).ShouldBe(2);
        }

        [Fact]
        public async Task Reports_a_duplicate_reference_in_the_same_jurisdiction_with_the_change_that_holds_it()
        {
            var duplicate = new CreateLegalChangeRequest("Act No. 262/2006 Coll., Section 111", "Another take", "cz", "payroll", new DateOnly(2025, 1, 1), []);

            using var response = await Manager.PostAsJsonAsync("/api/legal-changes", duplicate);

            (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict)).ShouldBe(
                $"'Act No. 262/2006 Coll., Section 111' (CZ) is recorded already as legal change {Change.Id}; send it with merge to add it to that change.");
            (await Host.CountAsync("legal_changes")).ShouldBe(1);
            (await Host.CountAsync("legal_change_audit")).ShouldBe(1);
        }

        [Fact]
        public async Task Merges_a_duplicate_into_the_existing_change_only_on_request()
        {
            var duplicate = new CreateLegalChangeRequest("Act No. 262/2006 Coll., section 111", "Another take", "CZ", "payroll", new DateOnly(2025, 1, 1), ["hr"], ["Decree No. 5/2025 Coll."], Merge: true);

            var merged = await Manager.PostJsonAsync<LegalChangeDto>("/api/legal-changes", duplicate, HttpStatusCode.OK);

            merged.Id.ShouldBe(Change.Id);
            merged.Title.ShouldBe(Change.Title);
            merged.References.ShouldBe([.. Change.References, "Decree No. 5/2025 Coll."]);
            merged.Modules.ShouldBe(["payroll", "hr"]);
            (await Host.CountAsync("legal_changes")).ShouldBe(1);
            (await AuditAsync()).Select(a => a.Field).ShouldBe(["recorded", "references", "modules"]);
        }

        [Fact]
        public async Task Allows_the_same_reference_in_another_jurisdiction()
        {
            await Manager.PostJsonAsync<LegalChangeDto>("/api/legal-changes", Wage() with { Jurisdiction = "SK" });

            (await Host.CountAsync("legal_changes")).ShouldBe(2);
        }

        [Theory]
        [InlineData("area", "Area 'weather' is unknown; use accounting, payroll, finance, production, tax, reporting.")]
        [InlineData("jurisdiction", "Jurisdiction 'C1' is not a two-letter country code such as CZ or SK.")]
        [InlineData("source", "Source link 'ftp://example.org/x' is not an http(s) URL.")]
        [InlineData("transition", "The transitional period ends on 2024-12-31, before the effective date 2025-01-01.")]
        public async Task Answers_400_for_a_bad_field(string field, string title)
        {
            var request = Wage() with { Reference = "Act No. 2/2025 Coll.", References = null };
            request = field switch
            {
                "area" => request with { Area = "weather" },
                "jurisdiction" => request with { Jurisdiction = "C1" },
                "source" => request with { SourceUrl = "ftp://example.org/x" },
                _ => request with { TransitionEndsOn = new DateOnly(2024, 12, 31) },
            };

            using var response = await Manager.PostAsJsonAsync("/api/legal-changes", request);

            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldBe(title);
            (await Host.CountAsync("legal_changes")).ShouldBe(1);
        }
    }

    public sealed class Updating : WithChange
    {
        [Fact]
        public async Task Writes_one_audit_line_per_changed_field_with_who_when_and_what()
        {
            Host.Time.Advance(TimeSpan.FromHours(2));

            using var response = await Manager.PatchAsJsonAsync(
                $"/api/legal-changes/{Change.Id}",
                new UpdateLegalChangeRequest(Title: "Minimum wage CZK 20,800 a month", Assignee: "petr.novak", EffectiveDate: new DateOnly(2025, 1, 1), Clear: ["transition-end"]));

            var updated = await response.ReadAsync<LegalChangeDto>();
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            updated.Title.ShouldBe("Minimum wage CZK 20,800 a month");
            updated.TransitionEndsOn.ShouldBeNull();
            var audit = await AuditAsync();
            audit.Skip(1).Select(a => $"{a.Field}: {a.From} -> {a.To}").ShouldBe([
                "title: Minimum wage CZK 20,800 -> Minimum wage CZK 20,800 a month",
                "transition-end: 2025-03-31 -> ",
                "assignee: jana.dvorakova -> petr.novak",
            ]);
            audit[1].At.ShouldBe(Host.Time.GetUtcNow());
            audit[1].Actor.ShouldStartWith("jana (manager key #");
        }

        [Fact]
        public async Task Refuses_an_effective_date_moved_before_the_announcement_and_changes_nothing()
        {
            using var response = await Manager.PatchAsJsonAsync($"/api/legal-changes/{Change.Id}", new UpdateLegalChangeRequest(Title: "x", EffectiveDate: new DateOnly(2024, 9, 1)));

            await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            (await Manager.GetJsonAsync<LegalChangeDto>($"/api/legal-changes/{Change.Id}")).Title.ShouldBe(Change.Title);
            (await AuditAsync()).Length.ShouldBe(1);
        }

        [Fact]
        public async Task Refuses_a_reference_another_change_holds()
        {
            var other = await Manager.PostJsonAsync<LegalChangeDto>("/api/legal-changes", new CreateLegalChangeRequest("Act No. 349/2023 Coll.", "VAT", "CZ", "tax", new DateOnly(2024, 1, 1), []));

            using var response = await Manager.PatchAsJsonAsync($"/api/legal-changes/{other.Id}", new UpdateLegalChangeRequest(References: ["Act No. 349/2023 Coll.", "Government Regulation No. 286/2024 Coll."]));

            (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict)).ShouldContain($"is recorded already as legal change {Change.Id}");
            (await Manager.GetJsonAsync<LegalChangeDto>($"/api/legal-changes/{other.Id}")).References.ShouldBe(["Act No. 349/2023 Coll."]);
        }

        [Fact]
        public async Task Answers_404_for_an_unknown_change()
        {
            using var response = await Manager.PatchAsJsonAsync("/api/legal-changes/999", new UpdateLegalChangeRequest(Title: "x"));

            (await response.ShouldBeProblemAsync(HttpStatusCode.NotFound)).ShouldBe("Legal change 999 does not exist.");
        }
    }

    public sealed class Workflow : WithChange
    {
        [Fact]
        public async Task Moves_through_the_workflow_and_audits_every_step()
        {
            var released = await MoveAsync("analysed", "in-development", "released");

            released.Status.ShouldBe("released");
            (await AuditAsync()).Where(a => a.Field == "status").Select(a => $"{a.From} -> {a.To}")
                .ShouldBe(["announced -> analysed", "analysed -> in-development", "in-development -> released"]);
        }

        [Fact]
        public async Task Refuses_an_illegal_transition_and_lists_the_allowed_ones()
        {
            using var response = await StatusAsync("released");

            (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict))
                .ShouldBe("A legal change cannot go from announced to released; allowed from announced: analysed, not-applicable.");
            (await Manager.GetJsonAsync<LegalChangeDto>($"/api/legal-changes/{Change.Id}")).Status.ShouldBe("announced");
            (await AuditAsync()).Length.ShouldBe(1);
        }

        [Fact]
        public async Task Leaves_deployed_to_the_host()
        {
            await MoveAsync("analysed", "in-development", "released");

            using var response = await StatusAsync("deployed");

            (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict)).ShouldContain("deployed is set automatically once every entitled installation has applied it");
        }

        [Fact]
        public async Task Needs_a_reason_for_not_applicable_and_keeps_it()
        {
            using var without = await StatusAsync("not-applicable");
            using var with = await StatusAsync("NotApplicable", "Our IS has no payroll module in CZ");

            (await without.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldBe("A reason why the change is not applicable is required.");
            var read = await with.ReadAsync<LegalChangeDto>();
            (read.Status, read.StatusReason).ShouldBe(("not-applicable", "Our IS has no payroll module in CZ"));
            (await AuditAsync()).Last().To.ShouldBe("not-applicable: Our IS has no payroll module in CZ");
        }

        [Fact]
        public async Task Answers_400_for_an_unknown_status()
        {
            using var response = await StatusAsync("finished");

            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldStartWith("Legal change status 'finished' is unknown; use announced, analysed, in-development");
        }
    }

    public sealed class Deployment : WithChange
    {
        [Fact]
        public async Task Becomes_deployed_when_the_last_entitled_installation_applies_it()
        {
            await Manager.CoveredCustomerAsync("novak", "payroll");
            await Manager.CoveredCustomerAsync("horak", "payroll");
            await Manager.CoveredCustomerAsync("accounts", "accounting");
            using (var publisher = await Host.PublisherAsync())
            {
                await ComplianceFleet.PushAsync(publisher, "Cz.MinimumWage2025", "Government Regulation No. 286/2024 Coll.", "payroll");
            }

            await MoveAsync("analysed", "in-development", "released");

            await ApplyAsync("novak-prod");
            var afterOne = await Manager.GetJsonAsync<LegalChangeDto>($"/api/legal-changes/{Change.Id}");
            await ApplyAsync("horak-prod");
            var afterBoth = await Manager.GetJsonAsync<LegalChangeDto>($"/api/legal-changes/{Change.Id}");

            afterOne.Status.ShouldBe("released");
            afterBoth.Status.ShouldBe("deployed");
            var last = (await AuditAsync()).Last();
            (last.Field, last.From, last.To, last.Actor).ShouldBe(("status", "released", "deployed", "applayer (every entitled installation applied it)"));
        }

        [Fact]
        public async Task Links_packages_by_manifest_reference_and_explicitly()
        {
            using (var publisher = await Host.PublisherAsync())
            {
                await ComplianceFleet.PushAsync(publisher, "Cz.MinimumWage2025", "government regulation no.  286/2024 coll.", "payroll");
                await ComplianceFleet.PushAsync(publisher, "Cz.PayrollTables", "Something else", "payroll");
                await ComplianceFleet.PushAsync(publisher, "Cz.Unrelated", "Something else", "payroll");
            }

            var linked = await Manager.PostJsonAsync<LegalChangeDto>($"/api/legal-changes/{Change.Id}/packages", new LinkPackageRequest("cz.payrolltables"), HttpStatusCode.OK);
            using var unknown = await Manager.PostAsJsonAsync($"/api/legal-changes/{Change.Id}/packages", new LinkPackageRequest("Cz.Nothing"));

            linked.Packages.ShouldBe([new LinkedPackageDto("Cz.MinimumWage2025", "manifest"), new LinkedPackageDto("Cz.PayrollTables", "explicit")]);
            (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldBe("Package Cz.Nothing is not in the feed.");
            (await AuditAsync()).Last().To.ShouldBe("+Cz.PayrollTables");
        }

        [Fact]
        public async Task Is_withdrawn_when_an_installation_reports_a_rollback()
        {
            await DeployToNovakAsync();
            Host.Time.Advance(TimeSpan.FromDays(1));

            await ReportAsync("novak-prod", "novak-rollback", "rolled-back");

            await ShouldBeWithdrawnAsync("applayer (not applied any more at novak-prod)");
        }

        [Fact]
        public async Task Is_withdrawn_when_a_new_entitled_installation_is_added()
        {
            await DeployToNovakAsync();

            await Manager.CoveredCustomerAsync("horak", "payroll");

            await ShouldBeWithdrawnAsync("applayer (not applied any more at horak-prod)");
        }

        [Fact]
        public async Task Is_withdrawn_when_an_agreement_comes_to_cover_an_installation_that_has_not_applied_it()
        {
            await Manager.CustomerWithInstallationAsync("dvorak", "dvorak-prod", ["help-desk"], ["payroll"]);
            await DeployToNovakAsync();

            using (var agreement = await Manager.PutAsJsonAsync("/api/customers/dvorak/agreement", new SetAgreementRequest([Agreement.ApplicationLayer, "help-desk"], ["payroll"])))
            {
                agreement.EnsureSuccessStatusCode();
            }

            await ShouldBeWithdrawnAsync("applayer (not applied any more at dvorak-prod)");
        }

        [Fact]
        public async Task Comes_back_once_the_exposed_installation_applies_it_again()
        {
            await DeployToNovakAsync();
            await ReportAsync("novak-prod", "novak-rollback", "rolled-back");

            await ReportAsync("novak-prod", "novak-again", "applied");

            (await Manager.GetJsonAsync<LegalChangeDto>($"/api/legal-changes/{Change.Id}")).Status.ShouldBe("deployed");
            (await AuditAsync()).Where(a => a.Field == "status").Select(a => a.To).TakeLast(3).ShouldBe(["deployed", "released", "deployed"]);
        }

        [Fact]
        public async Task Shows_on_the_radar_the_status_the_change_had_on_the_day_asked()
        {
            // Released on 2024-01-15, deployed on 2024-01-17, withdrawn on 2024-01-19.
            await MoveAsync("analysed", "in-development");
            using (var publisher = await Host.PublisherAsync())
            {
                await ComplianceFleet.PushAsync(publisher, "Cz.MinimumWage2025", "Government Regulation No. 286/2024 Coll.", "payroll");
            }

            await Manager.CoveredCustomerAsync("novak", "payroll");
            await MoveAsync("released");
            Host.Time.Advance(TimeSpan.FromDays(2));
            await ApplyAsync("novak-prod");
            Host.Time.Advance(TimeSpan.FromDays(2));
            await ReportAsync("novak-prod", "novak-rollback", "rolled-back");

            async Task<string> StatusOnAsync(string day) =>
                (await Manager.GetJsonAsync<ComplianceReportDto>("/api/compliance?at=" + day)).Changes.Single(c => c.Id == Change.Id).Status;

            (await StatusOnAsync("2024-01-14")).ShouldBe("announced");
            (await StatusOnAsync("2024-01-16")).ShouldBe("released");
            (await StatusOnAsync("2024-01-17")).ShouldBe("deployed");
            (await StatusOnAsync("2024-01-18")).ShouldBe("deployed");
            (await StatusOnAsync("2024-01-19")).ShouldBe("released");
        }

        private async Task DeployToNovakAsync()
        {
            await Manager.CoveredCustomerAsync("novak", "payroll");
            using (var publisher = await Host.PublisherAsync())
            {
                await ComplianceFleet.PushAsync(publisher, "Cz.MinimumWage2025", "Government Regulation No. 286/2024 Coll.", "payroll");
            }

            await MoveAsync("analysed", "in-development", "released");
            await ApplyAsync("novak-prod");
            (await Manager.GetJsonAsync<LegalChangeDto>($"/api/legal-changes/{Change.Id}")).Status.ShouldBe("deployed");
        }

        private async Task ShouldBeWithdrawnAsync(string actor)
        {
            (await Manager.GetJsonAsync<LegalChangeDto>($"/api/legal-changes/{Change.Id}")).Status.ShouldBe("released");
            var last = (await AuditAsync()).Last();
            (last.Field, last.From, last.To, last.Actor).ShouldBe(("status", "deployed", "released", actor));
        }

        private Task ApplyAsync(string installation) => ReportAsync(installation, installation + "-r", "applied");

        private async Task ReportAsync(string installation, string reportId, string status)
        {
            using var site = Host.Client(await Host.KeyAsync(KeyScope.Site, installation));
            using var response = await site.PostAsJsonAsync(
                "/api/site/reports",
                new DeploymentReportDto(reportId, "Cz.MinimumWage2025", "1.0.0", status, status, null, Host.Time.GetUtcNow()));
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
        }
    }

    public sealed class Importing : CustomerEndpointsTests.WithManager
    {
        [Fact]
        public async Task Creates_once_then_updates_and_never_duplicates()
        {
            var request = new ImportLegalChangeRequest("github:acme/laws#7", Wage());

            var first = await Manager.PostJsonAsync<ImportedLegalChangeDto>("/api/legal-changes/import", request);
            var again = await Manager.PostJsonAsync<ImportedLegalChangeDto>("/api/legal-changes/import", request, HttpStatusCode.OK);
            var edited = await Manager.PostJsonAsync<ImportedLegalChangeDto>(
                "/api/legal-changes/import", request with { Change = Wage() with { Title = "Minimum wage, revised" } }, HttpStatusCode.OK);

            (first.Outcome, again.Outcome, edited.Outcome).ShouldBe(("created", "unchanged", "updated"));
            edited.Change.Id.ShouldBe(first.Change.Id);
            edited.Change.ExternalId.ShouldBe("github:acme/laws#7");
            edited.Change.Title.ShouldBe("Minimum wage, revised");
            (await Host.CountAsync("legal_changes")).ShouldBe(1);
        }
    }
}
