using System.Net.Http.Json;
using System.Net;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;

namespace AppLayer.Host.Tests.Service;

public static class WorkTests
{
    private static readonly DateTimeOffset Morning = new(2024, 1, 16, 8, 0, 0, TimeSpan.Zero);

    public sealed class TimeEntries : ServiceDeskFixture
    {
        [Theory]
        [InlineData(0)]
        [InlineData(-30)]
        public async Task Zero_or_negative_minutes_are_refused_and_nothing_is_stored(int minutes)
        {
            var ticket = await OpenAsync();

            (await RefusedAsync("/api/time", new AddTimeRequest($"AL-{ticket.Id}", "tomas", Morning, minutes)))
                .ShouldBe($"Time must be a positive number of minutes, not {minutes}.");
            (await Host.CountAsync("time_entries")).ShouldBe(0);
        }

        [Fact]
        public async Task Time_overlapping_the_same_workers_time_is_refused_and_another_worker_may_log_it()
        {
            var ticket = await OpenAsync();
            await Manager.PostJsonAsync<TimeEntryDto>("/api/time", new AddTimeRequest($"AL-{ticket.Id}", "tomas", Morning, 60));

            (await RefusedAsync("/api/time", new AddTimeRequest($"AL-{ticket.Id}", "Tomas", Morning.AddMinutes(59), 30))).ShouldContain("overlaps other time of Tomas");
            (await RefusedAsync("/api/consultations", new ConsultationRequest("novak", "technical", "networks", "VPN", "tomas", Morning.AddMinutes(-10), 11, "ok"))).ShouldContain("overlaps");
            (await Host.CountAsync("time_entries")).ShouldBe(1);
            (await Host.CountAsync("work_items")).ShouldBe(0);

            await Manager.PostJsonAsync<TimeEntryDto>("/api/time", new AddTimeRequest($"AL-{ticket.Id}", "tomas", Morning.AddMinutes(60), 30)); // touching is fine
            await Manager.PostJsonAsync<TimeEntryDto>("/api/time", new AddTimeRequest($"AL-{ticket.Id}", "lucie", Morning, 60));
            (await Host.CountAsync("time_entries")).ShouldBe(3);
        }

        [Fact]
        public async Task Time_outside_the_life_of_its_ticket_or_work_item_is_refused_and_nothing_is_stored()
        {
            var ticket = await OpenAsync(); // opened at the fake clock's 2024-01-15 09:00 UTC
            var opened = Host.Time.GetUtcNow();
            var fix = await Manager.PostJsonAsync<WorkItemDto>("/api/data-fixes", new DataFixRequest("novak", "Wrong totals", "improper-use"));

            (await RefusedAsync("/api/time", new AddTimeRequest($"AL-{ticket.Id}", "tomas", opened.AddDays(-7).AddMinutes(-1), 30)))
                .ShouldBe($"Time on AL-{ticket.Id} starting 2024-01-08 08:59:00Z is more than 7 days before it was opened (2024-01-15 09:00:00Z).");
            (await RefusedAsync("/api/time", new AddTimeRequest($"AL-{ticket.Id}", "tomas", new DateTimeOffset(2031, 1, 6, 9, 0, 0, TimeSpan.Zero), 30)))
                .ShouldBe($"Time on AL-{ticket.Id} starting 2031-01-06 09:00:00Z is more than 90 days ahead; time is logged for work done.");
            (await RefusedAsync("/api/time", new AddTimeRequest(fix.Reference, "tomas", opened.AddMonths(-1), 30)))
                .ShouldBe($"Time on {fix.Reference} starting 2023-12-15 09:00:00Z is more than 7 days before it was recorded (2024-01-15 09:00:00Z).");
            (await RefusedAsync("/api/consultations", new ConsultationRequest("novak", "technical", "networks", "VPN", "tomas", opened.AddDays(91), 30, "ok")))
                .ShouldBe("Time on the consultation starting 2024-04-15 09:00:00Z is more than 90 days ahead; time is logged for work done.");
            (await Host.CountAsync("time_entries")).ShouldBe(0);
            (await Host.CountAsync("work_items")).ShouldBe(1);

            await Manager.PostJsonAsync<TimeEntryDto>("/api/time", new AddTimeRequest($"AL-{ticket.Id}", "tomas", opened.AddDays(-7), 30)); // work begun on the phone a week before
            await Manager.PostJsonAsync<TimeEntryDto>("/api/time", new AddTimeRequest(fix.Reference, "tomas", opened.AddDays(90), 30));
            (await Host.CountAsync("time_entries")).ShouldBe(2);
        }

        [Fact]
        public async Task A_consultation_needs_hotline_in_the_agreement()
        {
            (await RefusedAsync("/api/consultations", new ConsultationRequest("horak", "consulting", "payroll", "Month end", "tomas", Morning, 20, "ok")))
                .ShouldBe("The agreement of 'horak' does not include the service 'hotline'.");
            (await Host.CountAsync("work_items")).ShouldBe(0);
        }
    }

    public sealed class Quotes : ServiceDeskFixture
    {
        [Fact]
        public async Task Billable_feature_work_above_the_threshold_needs_a_quote_approved_by_the_customers_own_contact()
        {
            var feature = await Manager.PostJsonAsync<WorkItemDto>("/api/features", new FeatureRequestRequest("novak", "Carrier export", 40m));
            feature.QuoteRequired.ShouldBeTrue(); // default threshold 16 h

            (await RefusedAsync("/api/time", new AddTimeRequest(feature.Reference, "tomas", Morning, 60)))
                .ShouldBe($"Feature {feature.Reference} is above the agreement's threshold of 16 h: billable work needs a quote the customer approved first.");
            var quote = await Manager.PostJsonAsync<QuoteDto>($"/api/features/{feature.Reference}/quote", new CreateQuoteRequest(64_000m, "Export as CSV over SFTP, nightly."));
            (await RefusedAsync("/api/time", new AddTimeRequest(feature.Reference, "tomas", Morning, 60))).ShouldContain("is not approved yet");

            (await RefusedAsync($"/api/features/{feature.Reference}/quote/approve", new ApproveQuoteRequest("eva@horak.cz")))
                .ShouldBe("'eva@horak.cz' is not a contact of customer 'novak'; only its own contacts may approve its quote.");
            (await Manager.GetJsonAsync<List<WorkItemDto>>("/api/customers/novak/work")).Single().Quote!.ApprovedAt.ShouldBeNull();
            (await Host.CountAsync("time_entries")).ShouldBe(0);

            Host.Time.Advance(TimeSpan.FromHours(2));
            var approved = await Manager.PostJsonAsync<QuoteDto>($"/api/features/{feature.Reference}/quote/approve", new ApproveQuoteRequest("petr@novak.cz"), HttpStatusCode.OK);
            approved.ApprovedBy.ShouldBe("petr@novak.cz");
            approved.ApprovedAt.ShouldBe(Host.Time.GetUtcNow());
            await Manager.PostJsonAsync<TimeEntryDto>("/api/time", new AddTimeRequest(feature.Reference, "tomas", Morning, 60));
            (await RefusedAsync($"/api/features/{feature.Reference}/quote/approve", new ApproveQuoteRequest("jana@novak.cz"), HttpStatusCode.Conflict)).ShouldContain("approved already");
        }

        [Fact]
        public async Task A_small_feature_may_be_billed_until_its_time_passes_the_threshold()
        {
            var feature = await Manager.PostJsonAsync<WorkItemDto>("/api/features", new FeatureRequestRequest("novak", "One more column", 1m));
            feature.QuoteRequired.ShouldBeFalse();
            await Manager.PostJsonAsync<TimeEntryDto>("/api/time", new AddTimeRequest(feature.Reference, "tomas", Morning, 15 * 60));

            (await RefusedAsync("/api/time", new AddTimeRequest(feature.Reference, "tomas", Morning.AddHours(16), 61))).ShouldContain("needs a quote the customer approved first");
        }

        [Fact]
        public async Task A_reference_of_another_kind_with_the_same_number_is_not_a_feature()
        {
            // One number sequence across kinds: consultation C-1, then feature F-2.
            var consultation = await Manager.PostJsonAsync<WorkItemDto>("/api/consultations", new ConsultationRequest("novak", "consulting", "payroll", "Month end", "tomas", Morning, 20, "ok"));
            var feature = await Manager.PostJsonAsync<WorkItemDto>("/api/features", new FeatureRequestRequest("novak", "Carrier export", 40m));
            var number = consultation.Reference[2..];

            (await RefusedAsync($"/api/features/F-{number}/quote", new CreateQuoteRequest(1_000m, "spec"), HttpStatusCode.NotFound)).ShouldBe($"Feature 'F-{number}' does not exist.");
            (await RefusedAsync($"/api/features/{consultation.Reference}/quote", new CreateQuoteRequest(1_000m, "spec"))).ShouldBe($"'{consultation.Reference}' is not a feature; quotes are for features (F-5).");
            (await RefusedAsync($"/api/features/F-{number}/quote/approve", new ApproveQuoteRequest("petr@novak.cz"), HttpStatusCode.NotFound)).ShouldBe($"Feature 'F-{number}' does not exist.");
            (await RefusedAsync($"/api/features/{feature.Reference}/quote/approve", new ApproveQuoteRequest("petr@novak.cz"), HttpStatusCode.NotFound)).ShouldContain("has no quote yet");
            (await Host.CountAsync("quotes")).ShouldBe(0);
        }

        [Fact]
        public async Task Work_before_the_quotes_approval_is_refused()
        {
            var feature = await Manager.PostJsonAsync<WorkItemDto>("/api/features", new FeatureRequestRequest("novak", "Carrier export", 40m));
            await Manager.PostJsonAsync<QuoteDto>($"/api/features/{feature.Reference}/quote", new CreateQuoteRequest(64_000m, "Export as CSV over SFTP, nightly."));
            Host.Time.SetUtcNow(Morning.AddHours(3));
            await Manager.PostJsonAsync<QuoteDto>($"/api/features/{feature.Reference}/quote/approve", new ApproveQuoteRequest("petr@novak.cz"), HttpStatusCode.OK);

            (await RefusedAsync("/api/time", new AddTimeRequest(feature.Reference, "tomas", Morning, 60)))
                .ShouldBe($"Feature {feature.Reference}'s quote was approved at {Morning.AddHours(3):u}: work before the approval is not billed under it.");
            (await Host.CountAsync("time_entries")).ShouldBe(0);
            await Manager.PostJsonAsync<TimeEntryDto>("/api/time", new AddTimeRequest(feature.Reference, "tomas", Morning.AddHours(3), 60));
            (await Host.CountAsync("time_entries")).ShouldBe(1);
        }
    }

    public sealed class ServiceNamesChecked : ServiceDeskFixture
    {
        [Fact]
        public async Task An_agreement_with_an_unknown_service_name_is_refused_and_the_version_in_force_stays()
        {
            using var response = await Manager.PutAsJsonAsync("/api/customers/novak/agreement", new SetAgreementRequest(["help-desk", "hotlne"], ["accounting"], null, new DateOnly(2024, 2, 1)), HttpExtensions.Json);

            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest))
                .ShouldBe("The service 'hotlne' is not one of: help-desk, hotline, application-layer, system-layer, operational, customer-support.");
            (await Manager.GetJsonAsync<List<AgreementDto>>("/api/customers/novak/agreements")).Count.ShouldBe(1);
        }
    }
}
