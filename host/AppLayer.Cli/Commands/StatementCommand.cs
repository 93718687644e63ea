using System.Globalization;
using AppLayer.Core;
using AppLayer.Core.Billing;
using AppLayer.Core.Customers;

namespace AppLayer.Cli.Commands;

/// <summary>
/// <c>applayer statement --customer C --month 2026-10 [--format table|html|csv|json]</c> (a month as issued, or as it
/// would be issued now), <c>statement issue --customer C --month 2026-10</c>, <c>statement show --number 2026-0001</c>
/// (the stored bytes) and <c>statement list --customer C</c>.
/// </summary>
public static class StatementCommand
{
    public static Command Create()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var customer = ServiceDeskOptions.Optional("--customer", "Customer code (required).");
        var month = ServiceDeskOptions.Optional("--month", "The month, e.g. 2026-10 (required).");
        var format = new Option<string>("--format") { Description = "table (default), html, csv or json.", DefaultValueFactory = _ => "table" };
        var output = ServiceDeskOptions.Optional("--output", "Write to this file instead of the terminal.");
        var command = new Command("statement", "A customer's monthly statement in CZK with VAT: as issued, or as it would be issued now.") { customer, month, format, output, host, key };
        command.Subcommands.Add(Issue());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(List());
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            if (string.IsNullOrWhiteSpace(parse.GetValue(customer)) || string.IsNullOrWhiteSpace(parse.GetValue(month)))
            {
                throw new UserException("statement needs --customer and --month (or one of: issue, show, list).");
            }

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

    /// <summary><c>statement issue --customer C --month 2026-10</c>: numbers and stores the month, once, after it ended.</summary>
    private static Command Issue()
    {
        var customer = ServiceDeskOptions.Required("--customer", "Customer code.");
        var month = ServiceDeskOptions.Required("--month", "The month, e.g. 2026-10; it must have ended and not be issued yet.");
        var json = new Option<bool>("--json") { Description = "Print the issued statement as JSON." };
        return HostVerb.Create("issue", "Issue a month's statement: numbered, stored and never changed; later changes become corrections in the next one.", [customer, month, json], async (parse, client, ct) =>
        {
            var issued = await client.PostAsync<StatementDto>(ApiRoutes.CustomerStatements(parse.GetValue(customer)), new IssueStatementRequest(parse.GetValue(month)!), ct);
            if (parse.GetValue(json))
            {
                Console.Write(System.Text.Json.JsonSerializer.Serialize(issued, AppLayerClient.Json) + Environment.NewLine);
                return 0;
            }

            var corrections = issued.Lines.Count(l => l.Corrects is not null);
            Console.WriteLine($"statement {issued.Number} issued for {issued.Customer} {issued.Month}: {issued.Lines.Count} line(s), {corrections} correction(s), total with VAT {StatementFormats.Money(issued.Total)}");
            return 0;
        });
    }

    /// <summary><c>statement show --number 2026-0001 [--format html|csv|json] [--output F]</c>: the bytes stored when it was issued.</summary>
    private static Command Show()
    {
        var number = ServiceDeskOptions.Required("--number", "The statement's number, e.g. 2026-0001.");
        var format = new Option<string>("--format") { Description = "html (default), csv or json: the bytes as issued.", DefaultValueFactory = _ => "html" };
        var output = ServiceDeskOptions.Optional("--output", "Write to this file instead of the terminal.");
        return HostVerb.Create("show", "An issued statement, byte for byte as it was issued.", [number, format, output], async (parse, client, ct) =>
        {
            var kind = parse.GetValue(format)!.Trim().ToLowerInvariant();
            if (kind is not ("html" or "csv" or "json"))
            {
                throw new UserException($"format '{kind}' is not one of: html, csv, json.");
            }

            var path = ApiRoutes.Statement(parse.GetValue(number)!.Trim()) + "?format=" + kind;
            if (parse.GetValue(output) is { Length: > 0 } file)
            {
                var bytes = await client.DownloadAsync(path, file, ct);
                Console.WriteLine($"statement written to {file} ({bytes} bytes)");
            }
            else
            {
                Console.Write(await client.GetTextAsync(path, ct));
            }

            return 0;
        });
    }

    /// <summary><c>statement list --customer C</c>: the customer's issued statements.</summary>
    private static Command List()
    {
        var customer = ServiceDeskOptions.Required("--customer", "Customer code.");
        return HostVerb.Create("list", "A customer's issued statements.", [customer], async (parse, client, ct) =>
        {
            var table = new TextTable("number", "month", "issued", "net", "VAT", "total");
            foreach (var s in await client.GetAsync<IReadOnlyList<IssuedStatementDto>>(ApiRoutes.CustomerStatements(parse.GetValue(customer)), ct))
            {
                table.Add(s.Number, s.Month, s.IssuedAt.ToString("u", CultureInfo.InvariantCulture), StatementFormats.Money(s.Net), StatementFormats.Money(s.Vat), StatementFormats.Money(s.Total));
            }

            Console.Write(table.ToString());
            return 0;
        });
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

        var title = statement.Number is { } number ? $"Statement {number} ({statement.Month})" : $"Statement {statement.Month}";
        return $"{title}: {statement.Name} ({statement.Customer})\n{table}"
            + $"covered work {StatementFormats.Hours(statement.CoveredMinutes)} h; included hours used {StatementFormats.Hours(statement.IncludedMinutesUsed)} of {StatementFormats.Hours(statement.IncludedMinutes)} h\n"
            + $"total without VAT {StatementFormats.Money(statement.Net)}\n"
            + string.Create(CultureInfo.InvariantCulture, $"VAT {statement.VatRate * 100:0} %         {StatementFormats.Money(statement.Vat)}\n")
            + $"total with VAT    {StatementFormats.Money(statement.Total)}\n";
    }

    private static string Number(int value) => value == 0 ? string.Empty : value.ToString(CultureInfo.InvariantCulture);
}
