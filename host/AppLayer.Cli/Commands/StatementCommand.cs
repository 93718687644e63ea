using System.CommandLine;
using System.Globalization;
using AppLayer.Core;
using AppLayer.Core.Billing;
using AppLayer.Core.Customers;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer statement --customer C --month 2026-10 [--format table|html|csv|json]</c>.</summary>
public static class StatementCommand
{
    public static Command Create()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var customer = ServiceDeskOptions.Required("--customer", "Customer code.");
        var month = ServiceDeskOptions.Required("--month", "The month, e.g. 2026-10.");
        var format = new Option<string>("--format") { Description = "table (default), html, csv or json.", DefaultValueFactory = _ => "table" };
        var output = ServiceDeskOptions.Optional("--output", "Write to this file instead of the terminal.");
        var command = new Command("statement", "A customer's monthly statement in CZK with VAT.") { customer, month, format, output, host, key };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            var kind = parse.GetValue(format)!.Trim().ToLowerInvariant();
            if (kind is not ("table" or "html" or "csv" or "json"))
            {
                throw new UserException($"format '{kind}' is not one of: table, html, csv, json.");
            }

            using var client = Common.Client(parse, host, key);
            var statement = await FetchAsync(client, parse.GetValue(customer)!, parse.GetValue(month)!, ct);
            var text = kind switch
            {
                "html" => StatementFormats.Html(statement),
                "csv" => StatementFormats.Csv(statement),
                "json" => System.Text.Json.JsonSerializer.Serialize(statement, AppLayerClient.Json) + Environment.NewLine,
                _ => Format(statement),
            };
            if (parse.GetValue(output) is { Length: > 0 } file)
            {
                await File.WriteAllTextAsync(file, text, ct);
                Console.WriteLine($"statement written to {file}");
            }
            else
            {
                Console.Write(text);
            }

            return 0;
        }));
        return command;
    }

    public static Task<StatementDto> FetchAsync(AppLayerClient client, string customer, string month, CancellationToken cancellationToken) =>
        client.GetAsync<StatementDto>(ApiRoutes.CustomerStatement(customer, month), cancellationToken);

    public static string Format(StatementDto statement)
    {
        var table = new TextTable("date", "reference", "description", "billing", "min", "billed", "included", "rate", "amount");
        foreach (var l in statement.Lines)
        {
            table.Add(
                l.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                l.Reference,
                l.Description,
                l.Billing,
                Number(l.Minutes),
                Number(l.BilledMinutes),
                Number(l.IncludedMinutes),
                l.Rate == 0 ? string.Empty : StatementFormats.Money(l.Rate),
                StatementFormats.Money(l.Amount));
        }

        return $"Statement {statement.Month}: {statement.Name} ({statement.Customer})\n{table}"
            + $"covered work {StatementFormats.Hours(statement.CoveredMinutes)} h; included hours used {StatementFormats.Hours(statement.IncludedMinutesUsed)} of {StatementFormats.Hours(statement.IncludedMinutes)} h\n"
            + $"total without VAT {StatementFormats.Money(statement.Net)}\n"
            + string.Create(CultureInfo.InvariantCulture, $"VAT {statement.VatRate * 100:0} %         {StatementFormats.Money(statement.Vat)}\n")
            + $"total with VAT    {StatementFormats.Money(statement.Total)}\n";
    }

    private static string Number(int value) => value == 0 ? string.Empty : value.ToString(CultureInfo.InvariantCulture);
}
