using System.Globalization;
using AppLayer.Sdk;

namespace Cz.Something;

/// <summary>
/// A sample legislative update (replace it with yours): from 1 January 2026 the IS parameter
/// <c>sample_rate</c> is 120.00 CZK. The row valid until then ends on 2025-12-31 and a new row starts
/// on 2026-01-01. The site agent runs preflight, apply and verify in one transaction and commits
/// only when all three succeed.
/// </summary>
public sealed class SampleUpdate : IUpdate
{
    public const string Parameter = "sample_rate";
    public const string EffectiveDate = "2026-01-01";
    public const decimal NewRateCzk = 120.00m;

    private const string LastDayOfOldRate = "2025-12-31";

    private const string OpenOldRows =
        "SELECT COUNT(*) FROM payroll_parameters WHERE name = $name AND valid_from < $from AND (valid_to IS NULL OR valid_to >= $from)";

    public async Task<StepResult> PreflightAsync(IUpdateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await context.CountAsync("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'payroll_parameters'", cancellationToken) == 0)
        {
            return StepResult.Fail("the IS database has no payroll_parameters table; this is not the schema this update was written for.");
        }

        if (await context.CountAsync("SELECT COUNT(*) FROM payroll_parameters WHERE name = $name AND valid_from >= $from", cancellationToken, ("$name", Parameter), ("$from", EffectiveDate)) > 0)
        {
            return StepResult.Fail($"{Parameter} already has a value from {EffectiveDate}: this update has already been applied.");
        }

        var open = await context.CountAsync(OpenOldRows, cancellationToken, ("$name", Parameter), ("$from", EffectiveDate));
        return open == 1
            ? StepResult.Ok()
            : StepResult.Fail($"expected one {Parameter} row valid on {EffectiveDate} without a successor, found {open}.");
    }

    public async Task ApplyAsync(IUpdateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.ExecuteAsync(
            "UPDATE payroll_parameters SET valid_to = $last WHERE name = $name AND valid_from < $from AND (valid_to IS NULL OR valid_to >= $from)",
            cancellationToken,
            ("$last", LastDayOfOldRate),
            ("$name", Parameter),
            ("$from", EffectiveDate));
        await context.ExecuteAsync(
            "INSERT INTO payroll_parameters (name, value, unit, valid_from, valid_to) VALUES ($name, $value, 'CZK', $from, NULL)",
            cancellationToken,
            ("$name", Parameter),
            ("$value", NewRateCzk.ToString("0.00", CultureInfo.InvariantCulture)),
            ("$from", EffectiveDate));
        context.Log.Info($"{Parameter} {NewRateCzk.ToString("0.00", CultureInfo.InvariantCulture)} CZK from {EffectiveDate}");
    }

    public async Task<StepResult> VerifyAsync(IUpdateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var newRows = await context.CountAsync(
            "SELECT COUNT(*) FROM payroll_parameters WHERE name = $name AND valid_from = $from AND valid_to IS NULL AND value = $value",
            cancellationToken,
            ("$name", Parameter),
            ("$from", EffectiveDate),
            ("$value", NewRateCzk.ToString("0.00", CultureInfo.InvariantCulture)));
        if (newRows != 1)
        {
            return StepResult.Fail($"{Parameter} from {EffectiveDate} should be one open row of {NewRateCzk.ToString("0.00", CultureInfo.InvariantCulture)} CZK, found {newRows}.");
        }

        var stillOpen = await context.CountAsync(OpenOldRows, cancellationToken, ("$name", Parameter), ("$from", EffectiveDate));
        return stillOpen == 0
            ? StepResult.Ok($"{Parameter} {NewRateCzk.ToString("0.00", CultureInfo.InvariantCulture)} CZK from {EffectiveDate}")
            : StepResult.Fail($"{stillOpen} {Parameter} row(s) from before {EffectiveDate} are still valid on {EffectiveDate}.");
    }
}
