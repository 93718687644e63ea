using AppLayer.Samples.Tests;
using AppLayer.Sdk;
using AppLayer.Site;

namespace Cz.MinimumWage2025.Tests;

public sealed class MinimumWage2025Tests
{
    private const string MinimumWageRows = """
        SELECT name, value, unit, valid_from, valid_to FROM payroll_parameters
        WHERE name LIKE 'minimum_wage_%' AND valid_from >= '2024-01-01' ORDER BY valid_from, name
        """;

    public sealed class Manifest
    {
        [Fact]
        public void Names_this_assembly_the_regulation_and_the_effective_date()
        {
            var manifest = SampleUpdateChecks.Manifest();

            manifest.Id.ShouldBe(typeof(MinimumWage2025).Assembly.GetName().Name);
            manifest.Kind.ShouldBe(UpdateKind.Legislative);
            manifest.LegalReferences.Single().ShouldContain("Government Regulation No. 286/2024 Coll.");
            manifest.LegalReferences.Single().ShouldContain("567/2006 Coll.");
            manifest.EffectiveDate.ShouldBe(new DateOnly(2025, 1, 1));
            manifest.Modules.ShouldBe(["payroll"]);
        }
    }

    public sealed class PreflightAsync
    {
        [Fact]
        public Task Refuses_a_database_where_the_update_was_already_applied() =>
            SampleUpdateChecks.RefusesASecondRunAsync(() => new MinimumWage2025());

        [Fact]
        public async Task Refuses_an_IS_without_payroll_warnings()
        {
            using var demo = await DemoIs.CreateAsync();
            demo.Execute("DROP TABLE payroll_warnings");

            var outcome = await demo.RunAsync(new MinimumWage2025());

            outcome.Succeeded.ShouldBeFalse();
            outcome.Step.ShouldBe(UpdateStep.Preflight);
            outcome.Message.ShouldContain("payroll_warnings");
        }
    }

    public sealed class ApplyAsync
    {
        [Fact]
        public async Task Ends_the_2024_minimum_wage_on_the_last_day_of_2024_and_adds_20800_CZK_and_124_40_CZK_per_hour()
        {
            using var demo = await DemoIs.CreateAsync();

            (await demo.RunAsync(new MinimumWage2025())).Succeeded.ShouldBeTrue();

            demo.Rows(MinimumWageRows).Select(r => string.Join(' ', r)).ShouldBe(
            [
                "minimum_wage_hourly 112.50 CZK 2024-01-01 2024-12-31",
                "minimum_wage_monthly 18900.00 CZK 2024-01-01 2024-12-31",
                "minimum_wage_hourly 124.40 CZK 2025-01-01 NULL",
                "minimum_wage_monthly 20800.00 CZK 2025-01-01 NULL",
            ]);
        }

        [Fact]
        public async Task Warns_about_each_full_time_employee_below_the_new_minimum_and_no_one_else()
        {
            using var demo = await DemoIs.CreateAsync();

            (await demo.RunAsync(new MinimumWage2025())).Succeeded.ShouldBeTrue();

            // 0002 (19,500, 40 h) and 0003 (20,000, 37.5 h) are full-time and below 20,800. Not warned:
            // 0004 part-time, 0005 exactly at the minimum, 0006 left in 2024, 0001 and 0007 above it.
            demo.Rows("SELECT personal_number, code, effective_date, created_at FROM payroll_warnings ORDER BY personal_number")
                .Select(r => string.Join(' ', r))
                .ShouldBe(
                [
                    "0002 MIN_WAGE_2025 2025-01-01 2024-12-20T09:30:00.0000000+00:00",
                    "0003 MIN_WAGE_2025 2025-01-01 2024-12-20T09:30:00.0000000+00:00",
                ]);
            demo.Rows("SELECT message FROM payroll_warnings WHERE personal_number = '0002'").Single()[0]
                .ShouldBe("Petr Svoboda: monthly salary 19,500.00 CZK is below the minimum wage of 20,800.00 CZK from 2025-01-01 (Government Regulation No. 286/2024 Coll.)");
            demo.Log.Lines.Count(l => l.StartsWith("warning: employee", StringComparison.Ordinal)).ShouldBe(2);
        }

        [Fact]
        public async Task Leaves_salaries_and_other_parameters_alone()
        {
            using var demo = await DemoIs.CreateAsync();
            var salaries = demo.Rows("SELECT * FROM employees ORDER BY personal_number");
            var hours = demo.Rows("SELECT * FROM payroll_parameters WHERE name = 'standard_weekly_hours'");

            (await demo.RunAsync(new MinimumWage2025())).Succeeded.ShouldBeTrue();

            demo.Rows("SELECT * FROM employees ORDER BY personal_number").ShouldBe(salaries);
            demo.Rows("SELECT * FROM payroll_parameters WHERE name = 'standard_weekly_hours'").ShouldBe(hours);
        }
    }

    public sealed class VerifyAsync
    {
        [Theory]
        [InlineData("the monthly minimum is mistyped", "UPDATE payroll_parameters SET value = '20080.00' WHERE name = 'minimum_wage_monthly' AND valid_from = '2025-01-01'", "should be one row of 20800.00 CZK")]
        [InlineData("the 2024 hourly rate is still valid", "UPDATE payroll_parameters SET valid_to = NULL WHERE name = 'minimum_wage_hourly' AND valid_from = '2024-01-01'", "still valid")]
        [InlineData("a warning is missing", "DELETE FROM payroll_warnings WHERE personal_number = '0003'", "warnings are for [0002]")]
        [InlineData("a warning is doubled", "INSERT INTO payroll_warnings (personal_number, code, message, effective_date, created_at) VALUES ('0002', 'MIN_WAGE_2025', 'again', '2025-01-01', 'now')", "more than one")]
        [InlineData("an employee below the minimum has no warning", "UPDATE employees SET monthly_salary_h = 1999900 WHERE personal_number = '0007'", "0002, 0003, 0007")]
        public Task Fails_and_everything_rolls_back_when(string what, string damage, string expected) =>
            SampleUpdateChecks.FailsVerifyAndRollsBackAsync(new MinimumWage2025(), what, damage, expected);

        [Fact]
        public async Task Passes_on_the_data_apply_left()
        {
            using var demo = await DemoIs.CreateAsync();

            var outcome = await demo.RunAsync(new MinimumWage2025());

            outcome.ShouldBe(UpdateOutcome.Committed("minimum wage 20,800 CZK / 124.40 CZK per hour from 2025-01-01; 2 full-time employee(s) below it warned"));
        }
    }
}
