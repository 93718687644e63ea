using System.CommandLine;
using System.Globalization;
using AppLayer.Core;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer change add|list|show|update|status|link|import</c>: legal changes as work items.</summary>
public static class ChangeCommand
{
    public static Command Create()
    {
        var command = new Command("change", "Legal and regulatory changes the IS must follow.");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(ChangeShowCommand.Create());
        command.Subcommands.Add(ChangeUpdateCommand.Create());
        command.Subcommands.Add(ChangeStatusCommand.Create());
        command.Subcommands.Add(ChangeLinkCommand.Create());
        command.Subcommands.Add(ChangeImportCommand.Create());
        return command;
    }

    public static DateOnly ParseDate(string? text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UserException($"{option} '{text}' is not a date in the form YYYY-MM-DD.");

    private static Command Add()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var reference = new Option<string[]>("--reference") { Description = "Legal reference, e.g. \"Act No. 349/2023 Coll.\" (repeat for several; the first names the change).", Required = true };
        var title = new Option<string>("--title") { Description = "What changes, in one line.", Required = true };
        var jurisdiction = new Option<string>("--jurisdiction") { Description = "Country code.", DefaultValueFactory = _ => "CZ" };
        var area = new Option<string>("--area") { Description = "accounting, payroll, finance, production, tax or reporting.", Required = true };
        var effective = new Option<string>("--effective") { Description = "Effective date, YYYY-MM-DD.", Required = true };
        var modules = Common.ListOption("--modules", "Affected IS modules");
        var source = new Option<string>("--source") { Description = "Link to the law's text." };
        var announced = new Option<string>("--announced") { Description = "Announcement date, YYYY-MM-DD." };
        var transitionEnd = new Option<string>("--transition-end") { Description = "Last day of a transitional period, YYYY-MM-DD." };
        var assignee = new Option<string>("--assignee") { Description = "Who works on it." };
        var merge = new Option<bool>("--merge") { Description = "If a reference is recorded already, merge into that change instead of failing." };
        var command = new Command("add", "Record a legal change.")
        {
            reference, title, jurisdiction, area, effective, modules, source, announced, transitionEnd, assignee, merge, host, key,
        };
        command.SetAction((parse, ct) => Run.SafelyAsync(parse, async (output, _) =>
        {
            var references = parse.GetValue(reference) ?? [];
            var request = new CreateLegalChangeRequest(
                references.FirstOrDefault() ?? string.Empty,
                parse.GetValue(title)!,
                parse.GetValue(jurisdiction)!,
                parse.GetValue(area)!,
                ParseDate(parse.GetValue(effective), "--effective"),
                Common.Split(parse.GetValue(modules)),
                [.. references.Skip(1)],
                parse.GetValue(source),
                CliDates.Optional(parse.GetValue(announced), "--announced"),
                CliDates.Optional(parse.GetValue(transitionEnd), "--transition-end"),
                parse.GetValue(assignee),
                parse.GetValue(merge));
            using var client = Common.Client(parse, host, key);
            var before = parse.GetValue(merge) ? await client.GetAsync<List<LegalChangeDto>>(ApiRoutes.LegalChanges, ct) : [];
            var change = await client.PostAsync<LegalChangeDto>(ApiRoutes.LegalChanges, request, ct);
            var verb = before.Any(c => c.Id == change.Id) ? "merged into" : "recorded as";
            await output.WriteLineAsync($"{change.Reference} {verb} legal change {change.Id}, effective {change.EffectiveDate:yyyy-MM-dd}");
            return 0;
        }));
        return command;
    }

    private static Command List()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var json = Common.JsonOption();
        var command = new Command("list", "List legal changes.") { host, key, json };
        command.SetAction((parse, ct) => Run.SafelyAsync(parse, async (output, _) =>
        {
            using var client = Common.Client(parse, host, key);
            var changes = await client.GetAsync<List<LegalChangeDto>>(ApiRoutes.LegalChanges, ct);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(changes, AppLayerClient.Json));
                return 0;
            }

            var table = new TextTable("id", "reference", "jurisdiction", "effective", "status", "assignee", "modules", "title");
            foreach (var c in changes)
            {
                table.Add(c.Id.ToString(CultureInfo.InvariantCulture), c.Reference, c.Jurisdiction, c.EffectiveDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.Status, c.Assignee ?? "-", string.Join(", ", c.Modules), c.Title);
            }

            await output.WriteAsync(table.ToString());
            return 0;
        }));
        return command;
    }
}
