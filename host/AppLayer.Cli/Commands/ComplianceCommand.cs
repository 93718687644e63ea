using System.CommandLine;
using System.Globalization;
using AppLayer.Core;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;

namespace AppLayer.Cli.Commands;

/// <summary>
/// <c>applayer compliance [--at DATE] [--customer C] [--horizon DAYS] [--fail-on-exposed] [--json]</c>:
/// the compliance radar, riskiest legal change first.
/// </summary>
public static class ComplianceCommand
{
    /// <summary>The exit code of <c>--fail-on-exposed</c> when an installation is exposed.</summary>
    public const int ExposedExitCode = 2;

    public static Command Create()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var json = Common.JsonOption();
        var at = new Option<string>("--at") { Description = "What if today were this day (YYYY-MM-DD; default: today in Europe/Prague)." };
        var customer = new Option<string>("--customer") { Description = "Only this customer's installations." };
        var horizon = new Option<int?>("--horizon") { Description = "Warning horizon in days: not applied this close to the effective date is exposed (default 30)." };
        var failOnExposed = new Option<bool>("--fail-on-exposed") { Description = $"Exit with {ExposedExitCode} when any installation is exposed." };
        var command = new Command("compliance", "The compliance radar: per legal change and installation, applied, scheduled, exposed or not entitled; by risk.")
        {
            at, customer, horizon, failOnExposed, json, host, key,
        };
        command.SetAction((parse, ct) => Run.SafelyAsync(parse, async (output, error) =>
        {
            var days = parse.GetValue(horizon);
            if (days is < 0)
            {
                throw new UserException($"--horizon {days} is not a number of days, 0 or more.");
            }

            using var client = Common.Client(parse, host, key);
            var report = await FetchAsync(client, CliDates.Optional(parse.GetValue(at), "--at"), parse.GetValue(customer), days, ct);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(report, AppLayerClient.Json));
            }
            else
            {
                await output.WriteAsync(ComplianceFormat.Format(report));
            }

            if (parse.GetValue(failOnExposed) && report.Exposed > 0)
            {
                await error.WriteLineAsync($"{report.Exposed} installation(s) exposed on {report.At:yyyy-MM-dd}.");
                return ExposedExitCode;
            }

            return 0;
        }));
        return command;
    }

    public static Task<ComplianceReportDto> FetchAsync(AppLayerClient client, DateOnly? at, string? customer, int? horizon, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var query = new List<string>();
        if (at is { } day)
        {
            query.Add("at=" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrWhiteSpace(customer))
        {
            query.Add("customer=" + Uri.EscapeDataString(customer.Trim()));
        }

        if (horizon is { } h)
        {
            query.Add("horizon=" + h.ToString(CultureInfo.InvariantCulture));
        }

        return client.GetAsync<ComplianceReportDto>(ApiRoutes.Compliance + (query.Count == 0 ? string.Empty : "?" + string.Join("&", query)), cancellationToken);
    }
}
