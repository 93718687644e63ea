using System.Net;
using System.Net.Http.Json;
using System.Text;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;

namespace AppLayer.Host.Tests.Service;

/// <summary>
/// Issued statements: October 2026 for novak is issued, then a backdated amendment (signed 2 November, effective
/// 1 September, new rates) and a backdated time entry would alter it; October stays byte for byte as issued, the
/// earlier-signed 24×7 version effective mid-October stays in force, and November carries the corrections.
/// </summary>
public static class StatementIssueTests
{
    private static readonly TimeSpan Cest = TimeSpan.FromHours(2);
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);

    /// <summary>To the haléř, away from zero: the test's own rounding, not the statement service's.</summary>
    private static decimal Czk(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);

    public abstract class WithNovak : ServiceDeskFixture
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

        protected Task<TimeEntryDto> TimeAsync(string on, DateTimeOffset start, int minutes) =>
            Manager.PostJsonAsync<TimeEntryDto>("/api/time", new AddTimeRequest(on, "tomas", start, minutes, "work"));

        protected Task<WorkItemDto> ConsultAsync(DateTimeOffset start, int minutes) =>
            Manager.PostJsonAsync<WorkItemDto>("/api/consultations", new ConsultationRequest("novak", "consulting", "payroll", "Closing the month", "tomas", start, minutes, "Explained the steps"));

        protected async Task<byte[]> BytesAsync(string path)
        {
            using var response = await Manager.GetAsync(new Uri(path, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return await response.Content.ReadAsByteArrayAsync();
        }

        protected async Task<HttpResponseMessage> IssueAsync(string customer, string month) =>
            await Manager.PostAsJsonAsync($"/api/customers/{customer}/statements", new IssueStatementRequest(month), HttpExtensions.Json);

        protected async Task<StatementDto> IssuedAsync(string customer, string month)
        {
            using var response = await IssueAsync(customer, month);
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            return await response.ReadAsync<StatementDto>();
        }

        protected async Task SameBytesAsync(string number, Dictionary<string, byte[]> expected)
        {
            foreach (var (format, bytes) in await FormatsAsync(number))
            {
                bytes.SequenceEqual(expected[format]).ShouldBeTrue($"{number} as {format}");
            }
        }

        protected async Task<Dictionary<string, byte[]>> FormatsAsync(string number) => new()
        {
            ["json"] = await BytesAsync($"/api/statements/{number}?format=json"),
            ["html"] = await BytesAsync($"/api/statements/{number}?format=html"),
            ["csv"] = await BytesAsync($"/api/statements/{number}?format=csv"),
        };
    }

    public sealed class A_backdated_amendment : WithNovak
    {
        [Fact]
        public async Task Leaves_the_issued_month_byte_identical_and_the_next_statement_carries_the_correction()
        {
            // 20 September: the earlier-signed version, 24×7 from 15 October for CZK 3,100 a month with 4 included hours.
            At(2026, 9, 20, 10);
            var allDay = NovakTerms! with { Coverage = "24x7", CoverageSurcharge = 3100m, IncludedHours = 4m };
            (await PutAgreementAsync("novak", new SetAgreementRequest(["help-desk", "hotline", "application-layer"], ["accounting"], allDay, new DateOnly(2026, 10, 15)))).Version.ShouldBe(2);
            var misuse = await Manager.PostJsonAsync<WorkItemDto>("/api/data-fixes", new DataFixRequest("novak", "Payroll month closed twice by hand", "improper-use"));
            await TimeAsync(misuse.Reference, new(2026, 10, 6, 10, 0, 0, Cest), 300);
            await ConsultAsync(new(2026, 10, 8, 17, 30, 0, Cest), 40);
            await ConsultAsync(new(2026, 10, 20, 22, 10, 0, Cest), 25);
            await ConsultAsync(new(2026, 11, 10, 10, 0, 0, Cet), 300);

            At(2026, 11, 1, 8);
            var october = await IssuedAsync("novak", "2026-10");
            october.Number.ShouldBe("2026-0001");
            var issuedBytes = await FormatsAsync("2026-0001");

            // As issued, recomputed here: included 14 days × 120/31 + 17 days × 240/31 = 185.8 → 185 minutes.
            var octoberData = Czk((300 - 185) * 1500m / 60);        // 2875.00
            var octoberEvening = Czk(45 * 1200m / 60);                // 900.00, and 50 % out of hours
            var octoberEveningSurcharge = Czk(octoberEvening * 0.5m); // 450.00
            var octoberAllDay = Czk(30 * 1200m / 60);                 // 600.00 (24×7: no out-of-hours surcharge)
            var octoberCoverage = Czk(3100m * 17 / 31);               // 1700.00
            var octoberNet = octoberData + octoberEvening + octoberEveningSurcharge + octoberAllDay + octoberCoverage;
            october.Net.ShouldBe(octoberNet);
            october.Vat.ShouldBe(Czk(octoberNet * 0.21m));
            october.Total.ShouldBe(octoberNet + Czk(octoberNet * 0.21m));

            // 2 November: new rates from 1 September. Without saying what becomes of version 2 it is refused, nothing stored.
            At(2026, 11, 2, 10);
            var newRates = NovakTerms! with { Rates = new Dictionary<string, decimal> { ["consultation"] = 1500m, ["data-fix"] = 2000m }, RoundingMinutes = 30 };
            var amendment = new SetAgreementRequest(["help-desk", "hotline", "application-layer"], ["accounting"], newRates, new DateOnly(2026, 9, 1));
            using (var refused = await Manager.PutAsJsonAsync("/api/customers/novak/agreement", amendment, HttpExtensions.Json))
            {
                (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict)).ShouldBe(
                    "Version 2 takes effect on 2026-10-15, after this amendment's 2026-09-01: state whether it still applies from its own day (keeps: 2) or no longer applies (supersedes: 2).");
            }

            (await Host.CountAsync("agreements")).ShouldBe(3); // novak v1, v2 and horak v1
            (await PutAgreementAsync("novak", amendment with { Keeps = [2] })).Version.ShouldBe(3);
            await TimeAsync(misuse.Reference, new(2026, 10, 9, 10, 0, 0, Cest), 20); // booked late, in the issued month

            // October as issued, in every format, whether asked by number or by month.
            await SameBytesAsync("2026-0001", issuedBytes);
            (await BytesAsync("/api/customers/novak/statements/2026-10?format=html")).SequenceEqual(issuedBytes["html"]).ShouldBeTrue();
            (await BytesAsync("/api/customers/novak/statements/2026-10?format=csv")).SequenceEqual(issuedBytes["csv"]).ShouldBeTrue();

            At(2026, 12, 1, 9);
            var november = await IssuedAsync("novak", "2026-11");
            november.Number.ShouldBe("2026-0002");

            // November itself: version 2 (24×7) all month: 240 included, the rest at 1,200; the full coverage surcharge.
            var novemberOwn = Czk((300 - 240) * 1200m / 60) + 3100m;
            // October now: version 3 until 14 October (30-minute rounding, new rates), version 2 from the 15th.
            var dataNow = Czk((300 - 185) * 2000m / 60);    // 3833.33
            var eveningNow = Czk(60 * 1500m / 60);            // 1500.00 (40 minutes rounded to 60)
            var eveningSurchargeNow = Czk(eveningNow * 0.5m); // 750.00
            var lateEntry = Czk(30 * 2000m / 60);             // 1000.00, not on the issued statement
            var corrections = november.Lines.Where(l => l.Billing == "correction").ToList();
            corrections.Select(l => (l.Corrects, l.Amount)).ShouldBe(
            [
                ("2026-0001 line 1", dataNow - octoberData),
                ("2026-0001 line 2", eveningNow - octoberEvening),
                ("2026-0001 line 3", eveningSurchargeNow - octoberEveningSurcharge),
                ("2026-0001", lateEntry),
            ]);
            corrections[1].BilledMinutes.ShouldBe(15);
            corrections.ShouldAllBe(l => l.Description.StartsWith("correction of 2026-0001", StringComparison.Ordinal));
            var novemberNet = novemberOwn + (dataNow - octoberData) + (eveningNow - octoberEvening) + (eveningSurchargeNow - octoberEveningSurcharge) + lateEntry;
            november.Lines.Where(l => l.Billing != "correction").Sum(l => l.Amount).ShouldBe(novemberOwn);
            november.IncludedMinutes.ShouldBe(240);
            november.Net.ShouldBe(novemberNet);
            november.Vat.ShouldBe(Czk(novemberNet * 0.21m));
            november.Total.ShouldBe(novemberNet + Czk(novemberNet * 0.21m));
            // What October was billed plus its corrections is October as it stands now.
            (octoberNet + corrections.Sum(l => l.Amount)).ShouldBe(dataNow + eveningNow + eveningSurchargeNow + lateEntry + octoberAllDay + octoberCoverage);

            // Issued November is stored as issued; a third month has nothing left to correct in October.
            var novemberJson = await BytesAsync("/api/customers/novak/statements/2026-11?format=json");
            (await BytesAsync("/api/statements/2026-0002?format=json")).SequenceEqual(novemberJson).ShouldBeTrue();
            Encoding.UTF8.GetString(await BytesAsync("/api/statements/2026-0002?format=csv")).ShouldContain("correction of 2026-0001 line 1");
            Host.Time.SetUtcNow(new DateTimeOffset(2027, 1, 1, 12, 0, 0, TimeSpan.Zero));
            var december = await IssuedAsync("novak", "2026-12");
            december.Number.ShouldBe("2027-0001");
            december.Lines.ShouldNotContain(l => l.Billing == "correction");
        }
    }

    public sealed class Issuing : WithNovak
    {
        [Fact]
        public async Task Refuses_a_month_twice_a_month_not_ended_and_a_bad_month_with_nothing_stored()
        {
            At(2026, 10, 12, 10);
            await ConsultAsync(new(2026, 10, 12, 10, 0, 0, Cest), 200);
            At(2026, 11, 1, 0, 30);
            (await IssuedAsync("novak", "2026-10")).Number.ShouldBe("2026-0001");
            var before = await FormatsAsync("2026-0001");

            using (var twice = await IssueAsync("novak", "2026-10"))
            {
                (await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict)).ShouldBe(
                    "2026-10 of novak is issued already as statement 2026-0001; later changes go into the next statement as corrections.");
            }

            using (var open = await IssueAsync("novak", "2026-11"))
            {
                (await open.ShouldBeProblemAsync(HttpStatusCode.Conflict)).ShouldBe("2026-11 has not ended yet; it can be issued from 2026-12-01 00:00 (Europe/Prague).");
            }

            using (var bad = await IssueAsync("novak", "2026-13"))
            {
                (await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldBe("Month '2026-13' is not a month like 2026-10.");
            }

            using (var unknown = await Manager.GetAsync(new Uri("/api/statements/2026-0099", UriKind.Relative)))
            {
                await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
            }

            (await Host.CountAsync("statements")).ShouldBe(1);
            (await Host.CountAsync("statement_lines")).ShouldBe(1);
            await SameBytesAsync("2026-0001", before);
            (await Manager.GetJsonAsync<List<IssuedStatementDto>>("/api/customers/novak/statements")).ShouldHaveSingleItem().Number.ShouldBe("2026-0001");
        }

        [Fact]
        public async Task Numbers_one_sequence_per_year_across_customers()
        {
            At(2026, 11, 3, 10);
            (await IssuedAsync("novak", "2026-10")).Number.ShouldBe("2026-0001");
            (await IssuedAsync("horak", "2026-10")).Number.ShouldBe("2026-0002");
            (await IssuedAsync("horak", "2026-09")).Number.ShouldBe("2026-0003");
        }
    }

    public sealed class TenThousandEntries : WithNovak
    {
        private const int Many = 10_000;

        [Fact]
        public async Task Issue_a_month_with_every_entry_and_totals_to_the_haler()
        {
            // horak on 24×7 without surcharge: no out-of-hours surcharge, each entry 10 minutes billed as 15 at 1,200.
            await PutAgreementAsync("horak", new SetAgreementRequest(["help-desk", "hotline"], ["accounting"], new AgreementTermsDto("24x7", 0m, RoundingMinutes: 15), new DateOnly(2024, 2, 1)));
            await Host.AddTimeEntriesAsync("horak", Many, new DateTimeOffset(2026, 10, 1, 0, 0, 0, Cest), 10);
            At(2026, 11, 2, 9);

            var issued = await IssuedAsync("horak", "2026-10");

            var net = Many * Czk(15 * 1200m / 60);
            issued.Lines.Count.ShouldBe(Many);
            issued.Net.ShouldBe(net);
            issued.Total.ShouldBe(net + Czk(net * 0.21m));
            var html = Encoding.UTF8.GetString(await BytesAsync($"/api/statements/{issued.Number}?format=html"));
            html.ShouldContain("tomas: entry 09999</td>");
            html.TrimEnd().ShouldEndWith("</html>");
            var csv = Encoding.UTF8.GetString(await BytesAsync($"/api/statements/{issued.Number}?format=csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            csv.Length.ShouldBe(1 + Many + 3);
            (await Host.CountAsync("statement_lines")).ShouldBe(Many);
        }
    }
}
