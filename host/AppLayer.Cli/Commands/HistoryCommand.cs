using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AppLayer.Core;
using AppLayer.Core.Customers;
using AppLayer.Core.History;
using AppLayer.Core.Installations;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;
using Microsoft.AspNetCore.Http.Extensions;

namespace AppLayer.Cli.Commands;

/// <summary>
/// <c>applayer history CUSTOMER [--kind K] [--from D] [--to D] [--module M] [--legal REF] [--installation I]
/// [--format table|json|markdown|html|csv] [--out FILE]</c>: everything that changed at one customer, in order.
/// </summary>
public static class HistoryCommand
{
    private static readonly string[] Formats = ["table", "json", "markdown", "html", "csv"];

    public static Command Create()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var json = new Option<bool>("--json") { Description = "Same as --format json." };
        var format = new Option<string>("--format") { Description = "table (default), json, markdown, html or csv.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string>("--out") { Description = "Write to this file instead of the console." };
        var kind = new Option<string>("--kind") { Description = $"Only these kinds (comma-separated): {string.Join(", ", HistoryKinds.All)}." };
        var from = new Option<string>("--from") { Description = "From this day (YYYY-MM-DD, UTC), included." };
        var to = new Option<string>("--to") { Description = "Up to this day (YYYY-MM-DD, UTC), included." };
        var module = new Option<string>("--module") { Description = "Only events that concern this IS module." };
        var legal = new Option<string>("--legal") { Description = "Only events that concern this legal reference (or part of it)." };
        var installation = new Option<string>("--installation") { Description = "Only events of this installation." };
        var customer = new Argument<string>("customer") { Description = "Customer code." };
        var command = new Command("history", "Print or export a customer's change history.")
        {
            customer, kind, from, to, module, legal, installation, format, output, json, host, key,
        };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            var filters = new Dictionary<string, string?>
            {
                ["kind"] = parse.GetValue(kind),
                ["from"] = parse.GetValue(from),
                ["to"] = parse.GetValue(to),
                ["module"] = parse.GetValue(module),
                ["legal"] = parse.GetValue(legal),
                ["installation"] = parse.GetValue(installation),
            };

            // Checked here too, so a bad date is one line before anything is sent.
            HistoryFilter.Parse(filters["kind"], filters["from"], filters["to"], filters["module"], filters["legal"], filters["installation"], null, null);
            var chosen = parse.GetValue(json) ? "json" : parse.GetValue(format) ?? "table";
            using var client = Common.Client(parse, host, key);
            var code = parse.GetValue(customer)!;
            var text = chosen == "table"
                ? Format(await FetchAsync(client, code, filters, ct))
                : await client.GetTextAsync(ExportPath(code, chosen, filters), ct);
            await WriteAsync(text, parse.GetValue(output), ct);
            return 0;
        }));
        return command;
    }

    public static Task<List<HistoryEventDto>> FetchAsync(AppLayerClient client, string customer, CancellationToken cancellationToken) =>
        FetchAsync(client, customer, new Dictionary<string, string?>(), cancellationToken);

    public static string Format(IEnumerable<HistoryEventDto> events)
    {
        var table = new TextTable("when (UTC)", "what", "installation", "subject", "detail");
        foreach (var e in events)
        {
            table.Add(e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.Kind, e.Installation ?? "-", e.Subject, e.Detail);
        }

        return table.ToString();
    }

    private static async Task<List<HistoryEventDto>> FetchAsync(
        AppLayerClient client,
        string customer,
        IReadOnlyDictionary<string, string?> filters,
        CancellationToken cancellationToken)
    {
        var text = await client.GetTextAsync(ExportPath(customer, "json", filters), cancellationToken);
        return JsonSerializer.Deserialize<List<HistoryEventDto>>(text, AppLayerClient.Json) ?? [];
    }

    private static string ExportPath(string customer, string format, IReadOnlyDictionary<string, string?> filters)
    {
        var query = new QueryBuilder { { "format", format } };
        foreach (var (name, value) in filters)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(name, value);
            }
        }

        return ApiRoutes.CustomerHistoryExport(customer) + query;
    }

    private static async Task WriteAsync(string text, string? path, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            Console.Write(text);
            return;
        }

        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp";
        try
        {
            await File.WriteAllTextAsync(temporary, text, cancellationToken);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            throw new UserException($"cannot write {path}: {ex.Message}", ex);
        }

        Console.WriteLine($"wrote {full}");
    }
}
