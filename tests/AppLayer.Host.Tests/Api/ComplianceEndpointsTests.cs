using System.Net;
using System.Net.Http.Json;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;

namespace AppLayer.Host.Tests.Api;

public static class ComplianceEndpointsTests
{
    public abstract class WithFleet : CustomerEndpointsTests.WithManager, IAsyncLifetime
    {
        async Task IAsyncLifetime.InitializeAsync()
        {
            await InitializeAsync();
            await ComplianceFleet.BuildAsync(Host, Manager);
        }

        protected Task<ComplianceReportDto> RadarAsync(string query = "") =>
            Manager.GetJsonAsync<ComplianceReportDto>("/api/compliance" + query);

        protected async Task ReportAsync(string installation, string reportId, string status, DateTimeOffset at)
        {
            using var site = Host.Client(await Host.KeyAsync(AppLayer.Core.Keys.KeyScope.Site, installation));
            using var report = await site.PostAsJsonAsync(
                "/api/site/reports",
                new DeploymentReportDto(reportId, "Cz.Vat2024", "1.0.0", status, status, null, at));
            report.StatusCode.ShouldBe(HttpStatusCode.Created);
        }
    }

    public sealed class LatestOutcome : WithFleet
    {
        private static readonly DateTimeOffset RolledBackAt = new(2024, 1, 22, 10, 0, 0, TimeSpan.Zero);

        [Fact]
        public async Task Exposes_an_installation_again_from_the_day_it_rolled_the_update_back()
        {
            await ReportAsync("novak-prod", "novak-vat-rollback", "rolled-back", RolledBackAt);

            var between = await RadarAsync("?at=2024-01-21");
            var after = await RadarAsync("?at=2024-01-25");

            between.Changes[0].States()[1].ShouldBe("novak-prod applied");
            after.Changes[0].States().ShouldBe(["horak-prod exposed", "novak-prod exposed", "dvorak-prod not-entitled", "uncovered-prod not-entitled"]);
            after.Changes[0].Installations[1].Missing.ShouldBe(["Cz.Vat2024"]);
            after.Changes[0].Installations[1].AppliedAt.ShouldBeNull();
        }

        [Fact]
        public async Task Keeps_it_exposed_after_a_failed_re_apply_until_an_apply_succeeds()
        {
            await ReportAsync("novak-prod", "novak-vat-rollback", "rolled-back", RolledBackAt);
            await ReportAsync("novak-prod", "novak-vat-retry", "failed", RolledBackAt.AddDays(1));
            var failed = await RadarAsync("?at=2024-01-25");
            await ReportAsync("novak-prod", "novak-vat-again", "applied", RolledBackAt.AddDays(4));

            var reapplied = await RadarAsync("?at=2024-01-27");

            failed.Changes[0].States()[1].ShouldBe("novak-prod exposed");
            reapplied.Changes[0].States()[1].ShouldBe("novak-prod applied");
            reapplied.Changes[0].Installations[1].AppliedAt.ShouldBe(RolledBackAt.AddDays(4));
        }

        [Fact]
        public async Task Orders_outcomes_by_when_they_happened_not_by_when_they_arrived()
        {
            // The rollback's report arrives late, after the re-apply that followed it.
            await ReportAsync("novak-prod", "novak-vat-again", "applied", RolledBackAt.AddDays(1));
            await ReportAsync("novak-prod", "novak-vat-rollback", "rolled-back", RolledBackAt);

            (await RadarAsync("?at=2024-01-25")).Changes[0].States()[1].ShouldBe("novak-prod applied");
        }
    }

    public sealed class GetCompliance : WithFleet
    {
        [Fact]
        public async Task Answers_what_if_today_were_the_given_day_for_every_change_and_installation()
        {
            var radar = await RadarAsync("?at=2024-01-25");

            radar.At.ShouldBe(new DateOnly(2024, 1, 25));
            radar.HorizonDays.ShouldBe(30);
            radar.Changes.Select(c => c.Reference).ShouldBe([ComplianceFleet.Vat, ComplianceFleet.Wage]);
            var vat = radar.Changes[0];
            vat.States().ShouldBe(["horak-prod exposed", "novak-prod applied", "dvorak-prod not-entitled", "uncovered-prod not-entitled"]);
            vat.DaysLeft.ShouldBe(-24);
            vat.Risk.ShouldBe(1 * (30 + 24 + 1));
            vat.Installations[0].Missing.ShouldBe(["Cz.Vat2024"]);
            vat.Installations[1].AppliedAt.ShouldBe(ComplianceFleet.NovakAppliedAt);
            var wage = radar.Changes[1];
            wage.States().ShouldBe(["dvorak-prod scheduled", "horak-prod scheduled", "novak-prod not-entitled", "uncovered-prod not-entitled"]);
            wage.DaysLeft.ShouldBe(342);
            wage.Risk.ShouldBe(0);
            (radar.Applied, radar.Scheduled, radar.Exposed, radar.NotEntitled).ShouldBe((1, 2, 1, 4));
        }

        [Fact]
        public async Task Counts_an_update_only_from_the_day_it_was_applied()
        {
            var before = await RadarAsync("?at=2024-01-19");

            before.Changes[0].States().ShouldBe(["horak-prod exposed", "novak-prod exposed", "dvorak-prod not-entitled", "uncovered-prod not-entitled"]);
            before.Changes[0].Risk.ShouldBe(2 * (30 + 18 + 1));
        }

        [Fact]
        public async Task Turns_scheduled_into_exposed_once_the_effective_date_is_within_the_horizon()
        {
            var december = await RadarAsync("?at=2024-12-10");
            var wide = await RadarAsync("?at=2024-11-01&horizon=90");
            var narrow = await RadarAsync("?at=2024-12-10&horizon=21");

            december.Changes.Single(c => c.Reference == ComplianceFleet.Wage).States()
                .ShouldBe(["dvorak-prod exposed", "horak-prod exposed", "novak-prod not-entitled", "uncovered-prod not-entitled"]);
            wide.Changes.Single(c => c.Reference == ComplianceFleet.Wage).Exposed.ShouldBe(2);
            narrow.Changes.Single(c => c.Reference == ComplianceFleet.Wage).Scheduled.ShouldBe(2);
        }

        [Fact]
        public async Task Sorts_by_risk_days_left_times_installations_exposed()
        {
            // 2024-12-31, horizon 30: VAT 1 exposed × (30 + 365 + 1) = 396 leads the wage's 2 exposed × (30 − 1 + 1) = 60.
            var before = await RadarAsync("?at=2024-12-31");
            using (var horak = Host.Client(await Host.KeyAsync(AppLayer.Core.Keys.KeyScope.Site, "horak-prod")))
            {
                using var report = await horak.PostAsJsonAsync(
                    "/api/site/reports",
                    new DeploymentReportDto("horak-vat", "Cz.Vat2024", "1.0.0", "applied", "ok", null, new DateTimeOffset(2024, 2, 1, 8, 0, 0, TimeSpan.Zero)));
                report.StatusCode.ShouldBe(HttpStatusCode.Created);
            }

            var after = await RadarAsync("?at=2024-12-31");

            before.Changes.Select(c => (c.Reference, c.Risk)).ShouldBe([(ComplianceFleet.Vat, 396), (ComplianceFleet.Wage, 60)]);
            after.Changes.Select(c => (c.Reference, c.Risk)).ShouldBe([(ComplianceFleet.Wage, 60), (ComplianceFleet.Vat, 0)]);
        }

        [Fact]
        public async Task Takes_today_from_the_clock_when_no_day_is_given()
        {
            var today = await RadarAsync();
            Host.Time.Advance(TimeSpan.FromDays(6));
            var later = await RadarAsync();

            today.At.ShouldBe(new DateOnly(2024, 1, 15));
            today.Changes[0].States()[1].ShouldBe("novak-prod exposed");
            later.At.ShouldBe(new DateOnly(2024, 1, 21));
            later.Changes[0].States()[1].ShouldBe("novak-prod applied");
        }

        [Fact]
        public async Task Shows_one_customer_only_when_asked()
        {
            var radar = await RadarAsync("?at=2024-01-25&customer=HORAK");

            radar.Customer.ShouldBe("horak");
            radar.Changes.SelectMany(c => c.Installations).Select(i => i.Installation).Distinct().ShouldBe(["horak-prod"]);
        }

        [Fact]
        public async Task Leaves_out_a_change_that_is_not_applicable()
        {
            var wage = (await Manager.GetJsonAsync<LegalChangeDto[]>("/api/legal-changes")).Single(c => c.Reference == ComplianceFleet.Wage);
            await Manager.PostJsonAsync<LegalChangeDto>($"/api/legal-changes/{wage.Id}/status", new SetLegalChangeStatusRequest("not-applicable", "Handled by the payroll bureau"), HttpStatusCode.OK);

            (await RadarAsync("?at=2024-01-25")).Changes.ShouldHaveSingleItem().Reference.ShouldBe(ComplianceFleet.Vat);
        }

        [Theory]
        [InlineData("?at=2024-13-01", HttpStatusCode.BadRequest, "at '2024-13-01' is not a date in the form YYYY-MM-DD.")]
        [InlineData("?horizon=-1", HttpStatusCode.BadRequest, "horizon '-1' is not a number of days from 0 to 3650.")]
        [InlineData("?customer=nobody", HttpStatusCode.NotFound, "Customer 'nobody' does not exist.")]
        public async Task Answers_a_problem_for_bad_input(string query, HttpStatusCode status, string title)
        {
            using var response = await Manager.GetAsync(new Uri("/api/compliance" + query, UriKind.Relative));

            (await response.ShouldBeProblemAsync(status)).ShouldBe(title);
        }
    }
}
