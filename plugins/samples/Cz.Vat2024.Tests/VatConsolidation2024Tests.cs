using AppLayer.Samples.Tests;
using AppLayer.Sdk;
using AppLayer.Site;

namespace Cz.Vat2024.Tests;

public sealed class VatConsolidation2024Tests
{
    private const string LinesOf = """
        SELECT i.number, l.line_no, l.net_h, l.vat_category, l.vat_rate_percent, l.vat_h
        FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
        """;

    private const string EarlierDocuments = """
        SELECT i.*, l.* FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id
        WHERE i.taxable_supply_date < '2024-01-01' ORDER BY l.id
        """;

    public sealed class Manifest
    {
        [Fact]
        public void Names_this_assembly_the_act_and_the_effective_date()
        {
            var manifest = SampleUpdateChecks.Manifest();

            manifest.Id.ShouldBe(typeof(VatConsolidation2024).Assembly.GetName().Name);
            manifest.EntryAssembly.ShouldBe("Cz.Vat2024.dll");
            manifest.Kind.ShouldBe(UpdateKind.Legislative);
            manifest.LegalReferences.ShouldBe(["Act No. 349/2023 Coll."]);
            manifest.EffectiveDate.ShouldBe(new DateOnly(2024, 1, 1));
            manifest.Modules.ShouldBe(["accounting"]);
        }
    }

    public sealed class PreflightAsync
    {
        [Fact]
        public Task Refuses_a_database_where_the_update_was_already_applied() =>
            SampleUpdateChecks.RefusesASecondRunAsync(() => new VatConsolidation2024());

        [Fact]
        public async Task Refuses_an_IS_without_the_invoice_lines_table()
        {
            using var demo = await DemoIs.CreateAsync();
            demo.Execute("DROP TABLE invoice_lines");

            var outcome = await demo.RunAsync(new VatConsolidation2024());

            outcome.Succeeded.ShouldBeFalse();
            outcome.Step.ShouldBe(UpdateStep.Preflight);
            outcome.Message.ShouldContain("invoice_lines");
            demo.Count("SELECT COUNT(*) FROM vat_rates WHERE rate_percent = 12").ShouldBe(0);
        }
    }

    public sealed class ApplyAsync
    {
        [Fact]
        public async Task Ends_15_and_10_percent_on_the_last_day_of_2023_and_adds_12_percent_from_2024()
        {
            using var demo = await DemoIs.CreateAsync();

            (await demo.RunAsync(new VatConsolidation2024())).Succeeded.ShouldBeTrue();

            demo.Rows("SELECT category, rate_percent, valid_from, valid_to FROM vat_rates WHERE valid_to IS NULL OR valid_to >= '2015-01-01' ORDER BY valid_from, category")
                .Select(r => string.Join(' ', r))
                .ShouldBe(
                [
                    "reduced1 15 2013-01-01 2023-12-31",
                    "standard 21 2013-01-01 NULL",
                    "reduced2 10 2015-01-01 2023-12-31",
                    "reduced1 12 2024-01-01 NULL",
                ]);
        }

        [Fact]
        public async Task Moves_lines_supplied_from_2024_at_15_or_10_percent_to_12_percent_with_their_VAT_recomputed()
        {
            using var demo = await DemoIs.CreateAsync();

            (await demo.RunAsync(new VatConsolidation2024())).Succeeded.ShouldBeTrue();

            demo.Rows(LinesOf + " WHERE i.taxable_supply_date >= '2024-01-01' ORDER BY i.number, l.line_no")
                .Select(r => string.Join(' ', r))
                .ShouldBe(
                [
                    "FP-2024-0015 1 950000 reduced1 12 114000",
                    "FP-2024-0021 1 189000 standard 21 39690",
                    "FV-2024-0007 1 1234567 reduced1 12 148148",
                    "FV-2024-0007 2 500000 standard 21 105000",
                    "FV-2024-0012 1 99999 reduced1 12 12000",
                    "FV-2024-0012 2 45000 reduced1 12 5400",
                    "FV-2024-0019 1 4000000 standard 21 840000",
                ]);
        }

        [Fact]
        public async Task Recomputes_the_totals_of_the_documents_it_changed()
        {
            using var demo = await DemoIs.CreateAsync();
            demo.Rows("SELECT total_net_h, total_vat_h, total_gross_h FROM invoices WHERE number = 'FV-2024-0007'").Single().ShouldBe(["1734567", "290185", "2024752"]);

            (await demo.RunAsync(new VatConsolidation2024())).Succeeded.ShouldBeTrue();

            demo.Rows("SELECT number, total_net_h, total_vat_h, total_gross_h FROM invoices WHERE number IN ('FV-2024-0007', 'FV-2024-0012', 'FP-2024-0015') ORDER BY number")
                .Select(r => string.Join(' ', r))
                .ShouldBe(
                [
                    "FP-2024-0015 950000 114000 1064000",
                    "FV-2024-0007 1734567 253148 1987715",
                    "FV-2024-0012 144999 17400 162399",
                ]);
        }

        [Fact]
        public async Task Keeps_documents_supplied_in_2023_even_when_invoiced_in_january_2024()
        {
            using var demo = await DemoIs.CreateAsync();
            var before = demo.Rows(EarlierDocuments);
            before.Count.ShouldBeGreaterThan(0);

            (await demo.RunAsync(new VatConsolidation2024())).Succeeded.ShouldBeTrue();

            demo.Rows(EarlierDocuments).ShouldBe(before);
            demo.Rows(LinesOf + " WHERE i.number = 'FV-2024-0001'").Single().ShouldBe(["FV-2024-0001", "1", "800000", "reduced1", "15", "120000"]);
            demo.Count("SELECT COUNT(*) FROM invoice_lines WHERE vat_rate_percent IN (15, 10)").ShouldBe(3);
        }

        [Fact]
        public async Task Logs_the_documents_it_changed()
        {
            using var demo = await DemoIs.CreateAsync();

            (await demo.RunAsync(new VatConsolidation2024())).Succeeded.ShouldBeTrue();

            demo.Log.Lines.ShouldContain("4 line(s) moved to 12 % and totals recomputed on 3 document(s): FV-2024-0007, FV-2024-0012, FP-2024-0015");
        }
    }

    public sealed class VerifyAsync
    {
        [Theory]
        [InlineData("a 2024 line kept 15 %", "UPDATE invoice_lines SET vat_rate_percent = 15 WHERE id = (SELECT l.id FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id WHERE i.number = 'FV-2024-0007' AND l.line_no = 1)", "still have 15 % or 10 %")]
        [InlineData("a 2024 line has the wrong VAT", "UPDATE invoice_lines SET vat_h = vat_h + 1 WHERE vat_rate_percent = 12 AND id = (SELECT MIN(id) FROM invoice_lines WHERE vat_rate_percent = 12)", "is not 12 % of their net amount")]
        [InlineData("a 2023 document changed", "UPDATE invoice_lines SET vat_rate_percent = 12, vat_h = 221400 WHERE net_h = 1845000", "before 2024-01-01 changed")]
        [InlineData("a total does not add up", "UPDATE invoices SET total_gross_h = total_gross_h + 100 WHERE number = 'FV-2024-0019'", "do not add up")]
        [InlineData("the 10 % rate is still valid", "UPDATE vat_rates SET valid_to = NULL WHERE rate_percent = 10", "still valid")]
        public Task Fails_and_everything_rolls_back_when(string what, string damage, string expected) =>
            SampleUpdateChecks.FailsVerifyAndRollsBackAsync(new VatConsolidation2024(), what, damage, expected);

        [Fact]
        public async Task Passes_on_the_data_apply_left()
        {
            using var demo = await DemoIs.CreateAsync();

            var outcome = await demo.RunAsync(new VatConsolidation2024());

            outcome.ShouldBe(UpdateOutcome.Committed("no line from 2024-01-01 has 15 % or 10 %, earlier documents unchanged, all invoice totals add up"));
        }
    }
}
