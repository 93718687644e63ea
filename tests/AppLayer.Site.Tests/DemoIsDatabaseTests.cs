using AppLayer.Core;
using AppLayer.DemoIs;
using AppLayer.Protocol;
using AppLayer.Site.Tests.Support;

namespace AppLayer.Site.Tests;

public sealed class DemoIsDatabaseTests
{
    public sealed class CreateAsync
    {
        [Fact]
        public async Task Creates_the_tables_of_a_small_Czech_accounting_and_payroll_IS()
        {
            using var site = await TempSite.CreateAsync();

            site.Rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").Select(r => r[0]).ShouldBe(
                ["accounts", "employees", "invoice_lines", "invoices", "is_info", "payroll_parameters", "payroll_warnings", "vat_rates"]);
            site.Rows("SELECT key, value FROM is_info ORDER BY key").Select(r => $"{r[0]}={r[1]}")
                .ShouldBe(["company=" + DemoIsDatabase.DefaultCompany, "is_version=5.2.0", "modules=accounting,payroll"]);
            site.Rows("SELECT number FROM accounts ORDER BY number").Select(r => r[0])
                .ShouldBe(["211", "221", "311", "321", "331", "336", "342", "343", "501", "502", "504", "518", "521", "524", "602", "604"]);
        }

        [Fact]
        public async Task Has_21_15_and_10_percent_valid_and_documents_at_the_reduced_rates_on_both_sides_of_2024()
        {
            using var site = await TempSite.CreateAsync();

            site.Rows("SELECT category, rate_percent FROM vat_rates WHERE valid_to IS NULL ORDER BY rate_percent DESC").Select(r => $"{r[0]} {r[1]}")
                .ShouldBe(["standard 21", "reduced1 15", "reduced2 10"]);
            site.Rows("""
                SELECT substr(i.taxable_supply_date, 1, 7), l.vat_rate_percent, COUNT(*)
                FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
                WHERE l.vat_rate_percent IN (15, 10) GROUP BY 1, 2 ORDER BY 1, 2
                """).Select(r => string.Join(' ', r))
                .ShouldBe(["2023-12 10 1", "2023-12 15 2", "2024-01 10 3", "2024-01 15 1"]);
        }

        [Fact]
        public async Task Keeps_money_in_halere_with_line_VAT_rounded_and_totals_that_add_up()
        {
            using var site = await TempSite.CreateAsync();

            site.Rows("SELECT net_h, vat_h FROM invoice_lines WHERE description = 'Knihy – dětská literatura'").Single().ShouldBe(["99999", "10000"]);
            site.Rows("""
                SELECT COUNT(*) FROM invoices i
                WHERE total_net_h != (SELECT SUM(net_h) FROM invoice_lines WHERE invoice_id = i.id)
                   OR total_vat_h != (SELECT SUM(vat_h) FROM invoice_lines WHERE invoice_id = i.id)
                   OR total_gross_h != total_net_h + total_vat_h
                """).Single()[0].ShouldBe("0");
            site.Rows("SELECT typeof(net_h), typeof(vat_h) FROM invoice_lines GROUP BY 1, 2").Single().ShouldBe(["integer", "integer"]);
        }

        [Fact]
        public async Task Has_the_2024_minimum_wage_and_staff_below_the_2025_one()
        {
            using var site = await TempSite.CreateAsync();

            site.Rows("SELECT name, value, valid_from FROM payroll_parameters WHERE name LIKE 'minimum_wage%' AND valid_to IS NULL ORDER BY name").Select(r => string.Join(' ', r))
                .ShouldBe(["minimum_wage_hourly 112.50 2024-01-01", "minimum_wage_monthly 18900.00 2024-01-01"]);
            site.Rows("SELECT COUNT(*) FROM employees WHERE full_time = 1 AND employed_to IS NULL AND monthly_salary_h < 2080000").Single()[0].ShouldBe("2");
        }

        [Fact]
        public async Task Records_the_IS_version_and_company_it_is_given()
        {
            var folder = Directory.CreateTempSubdirectory("applayer-demo-");
            var path = Path.Combine(folder.FullName, "other.db");

            await DemoIsDatabase.CreateAsync(path, "5.3.1", "Pila Horák a.s.");

            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT group_concat(value, '|') FROM (SELECT value FROM is_info WHERE key IN ('is_version', 'company') ORDER BY key)";
            command.ExecuteScalar().ShouldBe("Pila Horák a.s.|5.3.1");
            connection.Close();
            folder.Delete(recursive: true);
        }

        [Fact]
        public async Task Refuses_to_overwrite_an_existing_file()
        {
            var path = Path.GetTempFileName();
            await File.WriteAllTextAsync(path, "someone's data");

            var error = await Should.ThrowAsync<UserException>(() => DemoIsDatabase.CreateAsync(path));

            error.Message.ShouldContain("already exists");
            (await File.ReadAllTextAsync(path)).ShouldBe("someone's data");
            File.Delete(path);
        }

        [Fact]
        public async Task Leaves_no_file_behind_when_the_IS_version_is_not_a_version()
        {
            var path = Path.Combine(Path.GetTempPath(), "applayer-demo-" + Guid.NewGuid().ToString("N") + ".db");

            await Should.ThrowAsync<UserException>(() => DemoIsDatabase.CreateAsync(path, "five"));

            File.Exists(path).ShouldBeFalse();
            File.Exists(path + ".creating").ShouldBeFalse();
        }
    }
}
