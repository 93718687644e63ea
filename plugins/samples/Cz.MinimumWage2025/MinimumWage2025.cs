using System.Globalization;
using AppLayer.Sdk;

namespace Cz.MinimumWage2025;

/// <summary>
/// Government Regulation No. 286/2024 Coll., amending Regulation No. 567/2006 Coll.: from
/// 1 January 2025 the minimum wage is 20,800 CZK per month and 124.40 CZK per hour. The 2024 rows
/// of payroll_parameters end on 2024-12-31, the new ones start on 2025-01-01, and every full-time
/// employee still employed then whose monthly salary is below the new minimum gets a payroll warning.
/// </summary>
public sealed class MinimumWage2025 : IUpdate
{
    public const string WarningCode = "MIN_WAGE_2025";

    private const string EffectiveDate = "2025-01-01";
    private const string LastDayOfOldRates = "2024-12-31";
    private const string Reference = "Government Regulation No. 286/2024 Coll.";
    private const string Monthly = "minimum_wage_monthly";
    private const string Hourly = "minimum_wage_hourly";
    private const decimal MonthlyCzk = 20_800.00m;
    private const decimal HourlyCzk = 124.40m;

    private const string OpenOldRows =
        "SELECT COUNT(*) FROM payroll_parameters WHERE name IN ($monthly, $hourly) AND valid_from < $from AND (valid_to IS NULL OR valid_to >= $from)";

    private static readonly (string Table, string[] Columns)[] RequiredSchema =
    [
        ("payroll_parameters", ["name", "value", "unit", "valid_from", "valid_to"]),
        ("employees", ["personal_number", "name", "monthly_salary_h", "full_time", "employed_to"]),
        ("payroll_warnings", ["personal_number", "code", "message", "effective_date", "created_at"]),
    ];

    public async Task<StepResult> PreflightAsync(IUpdateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (table, columns) in RequiredSchema)
        {
            if (await MissingColumnsAsync(context, table, columns, cancellationToken) is { Count: > 0 } missing)
            {
                return StepResult.Fail($"table {table} lacks {string.Join(", ", missing)}; this is not the IS schema this update was written for.");
            }
        }

        if (await context.CountAsync("SELECT COUNT(*) FROM payroll_parameters WHERE name IN ($monthly, $hourly) AND valid_from >= $from", cancellationToken, Names(("$from", EffectiveDate))) > 0)
        {
            return StepResult.Fail("payroll_parameters already has a minimum wage from 2025-01-01: this update has already been applied.");
        }

        var current = await context.CountAsync(OpenOldRows, cancellationToken, Names(("$from", EffectiveDate)));
        if (current != 2)
        {
            return StepResult.Fail($"expected one monthly and one hourly minimum wage valid on 2025-01-01 without a successor, found {current}.");
        }

        return StepResult.Ok();
    }

    public async Task ApplyAsync(IUpdateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.ExecuteAsync(
            "UPDATE payroll_parameters SET valid_to = $last WHERE name IN ($monthly, $hourly) AND valid_from < $from AND (valid_to IS NULL OR valid_to >= $from)",
            cancellationToken,
            Names(("$last", LastDayOfOldRates), ("$from", EffectiveDate)));
        foreach (var (name, value) in new[] { (Monthly, MonthlyCzk), (Hourly, HourlyCzk) })
        {
            await context.ExecuteAsync(
                "INSERT INTO payroll_parameters (name, value, unit, valid_from, valid_to) VALUES ($name, $value, 'CZK', $from, NULL)",
                cancellationToken,
                ("$name", name),
                ("$value", value.ToString("0.00", CultureInfo.InvariantCulture)),
                ("$from", EffectiveDate));
        }

        context.Log.Info($"minimum wage {MonthlyCzk.ToString("N2", CultureInfo.InvariantCulture)} CZK per month, {HourlyCzk.ToString("N2", CultureInfo.InvariantCulture)} CZK per hour from {EffectiveDate}");

        var createdAt = context.Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        foreach (var (number, name, salary) in await BelowMinimumAsync(context, cancellationToken))
        {
            var message = $"{name}: monthly salary {salary.ToString("N2", CultureInfo.InvariantCulture)} CZK is below the minimum wage of {MonthlyCzk.ToString("N2", CultureInfo.InvariantCulture)} CZK from {EffectiveDate} ({Reference})";
            await context.ExecuteAsync(
                "INSERT INTO payroll_warnings (personal_number, code, message, effective_date, created_at) VALUES ($number, $code, $message, $from, $at)",
                cancellationToken,
                ("$number", number),
                ("$code", WarningCode),
                ("$message", message),
                ("$from", EffectiveDate),
                ("$at", createdAt));
            context.Log.Warn($"employee {number} {message}");
        }
    }

    public async Task<StepResult> VerifyAsync(IUpdateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (name, expected) in new[] { (Monthly, MonthlyCzk), (Hourly, HourlyCzk) })
        {
            var values = new List<decimal>();
            await using (var command = context.Command("SELECT value FROM payroll_parameters WHERE name = $name AND valid_from = $from AND valid_to IS NULL", ("$name", name), ("$from", EffectiveDate)))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    values.Add(decimal.Parse(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!, NumberStyles.Number, CultureInfo.InvariantCulture));
                }
            }

            if (values.Count != 1 || values[0] != expected)
            {
                return StepResult.Fail($"{name} from {EffectiveDate} should be one row of {expected.ToString("0.00", CultureInfo.InvariantCulture)} CZK, found [{string.Join(", ", values)}].");
            }
        }

        var stillOpen = await context.CountAsync(OpenOldRows, cancellationToken, Names(("$from", EffectiveDate)));
        if (stillOpen > 0)
        {
            return StepResult.Fail($"{stillOpen} minimum wage row(s) from before 2025 are still valid on {EffectiveDate}.");
        }

        var expectedWarnings = (await BelowMinimumAsync(context, cancellationToken)).Select(e => e.Number).ToHashSet(StringComparer.Ordinal);
        var warned = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = context.Command("SELECT personal_number FROM payroll_warnings WHERE code = $code", ("$code", WarningCode)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!warned.Add(reader.GetString(0)))
                {
                    return StepResult.Fail($"employee {reader.GetString(0)} has more than one {WarningCode} warning.");
                }
            }
        }

        if (!warned.SetEquals(expectedWarnings))
        {
            return StepResult.Fail($"{WarningCode} warnings are for [{string.Join(", ", warned.Order(StringComparer.Ordinal))}] but the full-time employees below the minimum are [{string.Join(", ", expectedWarnings.Order(StringComparer.Ordinal))}].");
        }

        return StepResult.Ok($"minimum wage 20,800 CZK / 124.40 CZK per hour from {EffectiveDate}; {warned.Count} full-time employee(s) below it warned");
    }

    private static (string Name, object? Value)[] Names(params (string Name, object? Value)[] more) =>
        [("$monthly", Monthly), ("$hourly", Hourly), .. more];

    /// <summary>Full-time employees employed on 2025-01-01 or later whose monthly salary is below the new minimum.</summary>
    private static async Task<List<(string Number, string Name, decimal SalaryCzk)>> BelowMinimumAsync(IUpdateContext context, CancellationToken cancellationToken)
    {
        var employees = new List<(string, string, decimal)>();
        await using var command = context.Command(
            """
            SELECT personal_number, name, monthly_salary_h FROM employees
            WHERE full_time = 1 AND (employed_to IS NULL OR employed_to >= $from) AND monthly_salary_h < $minimum
            ORDER BY personal_number
            """,
            ("$from", EffectiveDate),
            ("$minimum", decimal.ToInt64(MonthlyCzk * 100m)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            employees.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2) / 100m));
        }

        return employees;
    }

    private static async Task<IReadOnlyList<string>> MissingColumnsAsync(IUpdateContext context, string table, IEnumerable<string> columns, CancellationToken cancellationToken)
    {
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using var command = context.Command("SELECT name FROM pragma_table_info($table)", ("$table", table));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            present.Add(reader.GetString(0));
        }

        return present.Count == 0 ? ["the whole table"] : columns.Where(c => !present.Contains(c)).ToList();
    }
}
