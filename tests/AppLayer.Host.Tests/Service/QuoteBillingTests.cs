using System.Net;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;

namespace AppLayer.Host.Tests.Service;

/// <summary>A quote binds the statement: a fixed price is billed as quoted, an estimate as time × rate up to its cap.</summary>
public static class QuoteBillingTests
{
    private static readonly TimeSpan Cest = TimeSpan.FromHours(2);
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);

    public abstract class Fixture : ServiceDeskFixture
    {
        protected override AgreementTermsDto? NovakTerms => new(
            "business-hours",
            0m,
            null,
            new Dictionary<string, decimal> { ["support"] = 1000m, ["consultation"] = 1200m, ["data-fix"] = 1500m, ["development"] = 1800m },
            IncludedHours: 2m,
            QuoteThresholdHours: 8m,
            RoundingMinutes: 15,
            OutOfHoursSurchargePercent: 50);

        protected async Task<WorkItemDto> ApprovedAsync(CreateQuoteRequest quote)
        {
            At(2026, 10, 1, 9);
            var feature = await Manager.PostJsonAsync<WorkItemDto>("/api/features", new FeatureRequestRequest("novak", "Export of orders to the carrier", 40m));
            await Manager.PostJsonAsync<QuoteDto>($"/api/features/{feature.Reference}/quote", quote);
            At(2026, 10, 2, 10);
            await Manager.PostJsonAsync<QuoteDto>($"/api/features/{feature.Reference}/quote/approve", new ApproveQuoteRequest("petr@novak.cz"), HttpStatusCode.OK);
            return feature;
        }

        protected Task<TimeEntryDto> TimeAsync(string on, DateTimeOffset start, int minutes) =>
            Manager.PostJsonAsync<TimeEntryDto>("/api/time", new AddTimeRequest(on, "tomas", start, minutes, "work"));

        protected Task<StatementDto> StatementAsync(string month) =>
            Manager.GetJsonAsync<StatementDto>($"/api/customers/novak/statements/{month}");
    }

    public sealed class FixedPrice : Fixture
    {
        [Fact]
        public async Task Bills_the_price_once_in_the_month_of_the_approval_and_the_time_under_it_at_no_charge()
        {
            var feature = await ApprovedAsync(new CreateQuoteRequest(64_000m, "Export as CSV over SFTP, nightly."));
            await TimeAsync(feature.Reference, new(2026, 10, 5, 9, 0, 0, Cest), 600);
            await TimeAsync(feature.Reference, new(2026, 10, 20, 18, 0, 0, Cest), 90); // out of hours: no surcharge on a fixed price
            await TimeAsync(feature.Reference, new(2026, 11, 3, 9, 0, 0, Cet), 480);

            var october = await StatementAsync("2026-10");
            var november = await StatementAsync("2026-11");

            var price = october.Lines.Single(l => l.Billing == "fixed-price");
            price.Reference.ShouldBe(feature.Reference);
            price.Amount.ShouldBe(64_000m);
            price.Date.ShouldBe(new DateOnly(2026, 10, 2));
            price.Description.ShouldContain("approved by petr@novak.cz");
            october.Lines.Where(l => l.Billing == "quoted").Select(l => (l.Minutes, l.Amount)).ShouldBe([(600, 0m), (90, 0m)]);
            october.Lines.Count.ShouldBe(3);
            october.IncludedMinutesUsed.ShouldBe(0);
            october.Net.ShouldBe(64_000m);
            october.Total.ShouldBe(64_000m + 13_440m);
            november.Lines.ShouldHaveSingleItem().Amount.ShouldBe(0m);
            november.Net.ShouldBe(0m);
        }
    }

    public sealed class EstimateWithACap : Fixture
    {
        [Fact]
        public async Task Bills_time_times_rate_until_the_cap_is_spent_across_months_and_nothing_after()
        {
            var feature = await ApprovedAsync(new CreateQuoteRequest(9_000m, "Export as CSV over SFTP, nightly.", "estimate", 10_000m));
            await TimeAsync(feature.Reference, new(2026, 10, 5, 9, 0, 0, Cest), 170);   // 180 min × 1800/60 = 5,400.00
            await TimeAsync(feature.Reference, new(2026, 10, 6, 9, 0, 0, Cest), 120);   // 3,600.00 (9,000.00 so far)
            await TimeAsync(feature.Reference, new(2026, 11, 3, 9, 0, 0, Cet), 60);     // 1,800.00, capped: 1,000.00 left
            await TimeAsync(feature.Reference, new(2026, 11, 4, 9, 0, 0, Cet), 60);     // nothing left

            var october = await StatementAsync("2026-10");
            var november = await StatementAsync("2026-11");

            october.Lines.Select(l => (l.Billing, l.BilledMinutes, l.Amount)).ShouldBe([("quoted", 180, 5_400m), ("quoted", 120, 3_600m)]);
            october.IncludedMinutesUsed.ShouldBe(0); // quoted work is priced by its quote, not paid from included hours
            november.Lines.Select(l => (l.Billing, l.Amount)).ShouldBe([("capped", 1_000m), ("capped", 0m)]);
            november.Lines[0].Description.ShouldContain("capped at 10000.00 CZK");
            (october.Net + november.Net).ShouldBe(10_000m);
        }
    }

    public sealed class Refusals : Fixture
    {
        [Fact]
        public async Task A_quote_that_does_not_say_what_is_billed_is_refused_and_nothing_is_stored()
        {
            var feature = await Manager.PostJsonAsync<WorkItemDto>("/api/features", new FeatureRequestRequest("novak", "Export", 40m));
            var path = $"/api/features/{feature.Reference}/quote";

            (await RefusedAsync(path, new CreateQuoteRequest(9_000m, "spec", "estimate"))).ShouldBe("An estimate needs a cap (the most its time is billed at), e.g. --cap 80000.");
            (await RefusedAsync(path, new CreateQuoteRequest(9_000m, "spec", "estimate", 8_999.99m))).ShouldBe("The cap 8999.99 CZK is below the estimate of 9000.00 CZK.");
            (await RefusedAsync(path, new CreateQuoteRequest(9_000m, "spec", "fixed", 10_000m))).ShouldBe("A fixed price has no cap; a cap is for an estimate (--estimate).");
            (await RefusedAsync(path, new CreateQuoteRequest(9_000m, "spec", "hourly"))).ShouldBe("Quote basis 'hourly' is unknown; use fixed, estimate.");
            (await Host.CountAsync("quotes")).ShouldBe(0);
        }

        [Fact]
        public async Task Time_on_a_small_feature_before_its_quotes_approval_is_refused_and_a_quote_after_its_time_too()
        {
            At(2026, 10, 1, 9);
            var small = await Manager.PostJsonAsync<WorkItemDto>("/api/features", new FeatureRequestRequest("novak", "One more column", 1m));
            small.QuoteRequired.ShouldBeFalse();
            await Manager.PostJsonAsync<QuoteDto>($"/api/features/{small.Reference}/quote", new CreateQuoteRequest(2_000m, "spec"));

            (await RefusedAsync("/api/time", new AddTimeRequest(small.Reference, "tomas", new(2026, 10, 1, 10, 0, 0, Cest), 30)))
                .ShouldBe($"Feature {small.Reference}'s quote 1 is not approved yet: work on it needs the customer's approval first.");
            (await Host.CountAsync("time_entries")).ShouldBe(0);

            var other = await Manager.PostJsonAsync<WorkItemDto>("/api/features", new FeatureRequestRequest("novak", "Another column", 1m));
            await TimeAsync(other.Reference, new(2026, 10, 1, 11, 0, 0, Cest), 30);
            (await RefusedAsync($"/api/features/{other.Reference}/quote", new CreateQuoteRequest(2_000m, "spec"), HttpStatusCode.Conflict))
                .ShouldBe($"Feature {other.Reference} has time logged already; a quote comes before the work it prices.");
            (await Host.CountAsync("quotes")).ShouldBe(1);
        }
    }
}
