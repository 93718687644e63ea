using System.Net;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;

namespace AppLayer.Host.Tests.Service;

/// <summary>October 2026 for novak: covered and billable work, included hours, surcharges, and an amendment to 24×7 from 16 October.</summary>
public sealed class StatementTests : ServiceDeskFixture
{
    private static readonly TimeSpan Cest = TimeSpan.FromHours(2);
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);

    protected override AgreementTermsDto? NovakTerms => new(
        "business-hours",
        0m,
        null,
        new Dictionary<string, decimal> { ["support"] = 1000m, ["consultation"] = 1200m, ["data-fix"] = 1500m, ["development"] = 1800m },
        IncludedHours: 2m,
        QuoteThresholdHours: 8m,
        RoundingMinutes: 15,
        OutOfHoursSurchargePercent: 50);

    [Fact]
    public async Task Totals_agree_to_the_haler_across_a_mid_month_amendment()
    {
        At(2026, 9, 30, 12);
        var ticket = await OpenAsync();
        var defect = await Manager.PostJsonAsync<WorkItemDto>("/api/data-fixes", new DataFixRequest("novak", "Wrong VAT totals after the update", "is-defect"));
        var misuse = await Manager.PostJsonAsync<WorkItemDto>("/api/data-fixes", new DataFixRequest("novak", "Payroll month closed twice by hand", "improper-use"));
        var feature = await Manager.PostJsonAsync<WorkItemDto>("/api/features", new FeatureRequestRequest("novak", "Export of orders to the carrier", 6m));
        defect.Chargeable.ShouldBeFalse();
        misuse.Chargeable.ShouldBeTrue();
        feature.QuoteRequired.ShouldBeFalse();

        // From 16 October: 24×7 for CZK 3,100 a month, consultations at CZK 1,333.33, 4 included hours, 30-minute rounding.
        var amended = await PutAgreementAsync("novak", new SetAgreementRequest(
            ["help-desk", "hotline", "application-layer"],
            ["accounting"],
            NovakTerms! with { Coverage = "24x7", CoverageSurcharge = 3100m, Rates = new Dictionary<string, decimal> { ["consultation"] = 1333.33m, ["data-fix"] = 1500m, ["development"] = 1800m }, IncludedHours = 4m, RoundingMinutes = 30 },
            new DateOnly(2026, 10, 16)));
        amended.Version.ShouldBe(2);

        await TimeAsync($"AL-{ticket.Id}", new(2026, 10, 1, 0, 30, 0, Cest), 10);                 // covered, first half hour of the month
        await TimeAsync($"AL-{ticket.Id}", new(2026, 10, 5, 9, 0, 0, Cest), 50);                  // covered
        await TimeAsync(defect.Reference, new(2026, 10, 6, 10, 0, 0, Cest), 95);                  // covered (IS defect)
        await ConsultAsync(new(2026, 10, 7, 10, 0, 0, Cest), 50);                                  // 60 billed, all included
        await TimeAsync(misuse.Reference, new(2026, 10, 8, 13, 0, 0, Cest), 100);                 // 105 billed, all included (181 − 60 − 105 = 16 left)
        await ConsultAsync(new(2026, 10, 12, 17, 30, 0, Cest), 40);                                // 45 billed, 16 included, 29 × 1200/60 = 580.00 + 50 % = 290.00
        await TimeAsync(feature.Reference, new(2026, 10, 20, 9, 0, 0, Cest), 130);                // 150 × 1800/60 = 4500.00 (24×7: no out-of-hours surcharge)
        await ConsultAsync(new(2026, 10, 21, 22, 10, 0, Cest), 25);                                // 30 × 1333.33/60 = 666.665 → 666.67
        await TimeAsync(misuse.Reference, new(2026, 10, 22, 10, 0, 0, Cest), 7);                  // 30 × 1500/60 = 750.00
        await TimeAsync(misuse.Reference, new(2026, 11, 1, 0, 30, 0, Cet), 10);                   // November

        var statement = await Manager.GetJsonAsync<StatementDto>("/api/customers/novak/statements/2026-10");

        statement.IncludedMinutes.ShouldBe(181); // 15 days × 120/31 + 16 days × 240/31 = 181.9…
        statement.IncludedMinutesUsed.ShouldBe(181);
        statement.CoveredMinutes.ShouldBe(155);
        statement.Lines.Count(l => l.Billing == "covered").ShouldBe(3);
        statement.Lines.Count(l => l.Billing == "included").ShouldBe(2);
        statement.Lines.Where(l => l.Billing == "billable").Select(l => l.Amount).ShouldBe([580.00m, 4500.00m, 666.67m, 750.00m]);
        statement.Lines.Where(l => l.Billing == "surcharge").Select(l => l.Amount).ShouldBe([290.00m, 1600.00m]);
        statement.Net.ShouldBe(8386.67m);
        statement.Vat.ShouldBe(1761.20m);
        statement.Total.ShouldBe(10147.87m);
    }

    [Fact]
    public async Task Renders_as_csv_and_html_and_refuses_a_bad_month()
    {
        using var csv = await Manager.GetAsync(new Uri("/api/customers/novak/statements/2026-10?format=csv", UriKind.Relative));
        (await csv.Content.ReadAsStringAsync()).ShouldEndWith("total with VAT,,,,,,0.00\n");
        using var html = await Manager.GetAsync(new Uri("/api/customers/novak/statements/2026-10?format=html", UriKind.Relative));
        (await html.Content.ReadAsStringAsync()).ShouldContain("<h1>Statement 2026-10: Nov&#225;k Stroj&#237;rny s.r.o. (novak)</h1>");
        using var bad = await Manager.GetAsync(new Uri("/api/customers/novak/statements/2026-13", UriKind.Relative));
        (await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldBe("Month '2026-13' is not a month like 2026-10.");
    }

    private Task<TimeEntryDto> TimeAsync(string on, DateTimeOffset start, int minutes) =>
        Manager.PostJsonAsync<TimeEntryDto>("/api/time", new AddTimeRequest(on, "tomas", start, minutes, "work"));

    private Task<WorkItemDto> ConsultAsync(DateTimeOffset start, int minutes) =>
        Manager.PostJsonAsync<WorkItemDto>("/api/consultations", new ConsultationRequest("novak", "consulting", "payroll", "Closing the month", "tomas", start, minutes, "Explained the steps"));
}
