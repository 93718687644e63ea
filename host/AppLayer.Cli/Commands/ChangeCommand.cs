using System.CommandLine;
using System.Globalization;
using AppLayer.Core;
using AppLayer.Core.Api;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer change add|list</c>: legal changes as work items.</summary>
public static class ChangeCommand
{
    public static Command Create()
    {
        var command = new Command("change", "Legal and regulatory changes the IS must follow.");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
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
        var reference = new Option<string>("--reference") { Description = "Legal reference, e.g. \"Act No. 349/2023 Coll.\"", Required = true };
        var title = new Option<string>("--title") { Description = "What changes, in one line.", Required = true };
        var jurisdiction = new Option<string>("--jurisdiction") { Description = "Country code.", DefaultValueFactory = _ => "CZ" };
        var area = new Option<string>("--area") { Description = "accounting, payroll, finance, production, tax or reporting.", Required = true };
        var effective = new Option<string>("--effective") { Description = "Effective date, YYYY-MM-DD.", Required = true };
        var modules = Common.ListOption("--modules", "Affected IS modules");
        var command = new Command("add", "Record a legal change.") { reference, title, jurisdiction, area, effective, modules, host, key };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            var request = new CreateLegalChangeRequest(
                parse.GetValue(reference)!,
                parse.GetValue(title)!,
                parse.GetValue(jurisdiction)!,
                parse.GetValue(area)!,
                ParseDate(parse.GetValue(effective), "--effective"),
                Common.Split(parse.GetValue(modules)));
            using var client = Common.Client(parse, host, key);
            var created = await client.PostAsync<LegalChangeDto>("api/legal-changes", request, ct);
            Console.WriteLine($"legal change {created.Id} recorded: {created.Reference}, effective {created.EffectiveDate:yyyy-MM-dd}");
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
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, host, key);
            var changes = await client.GetAsync<List<LegalChangeDto>>("api/legal-changes", ct);
            if (parse.GetValue(json))
            {
                Common.PrintJson(changes);
                return 0;
            }

            var table = new TextTable("id", "reference", "jurisdiction", "effective", "modules", "title");
            foreach (var c in changes)
            {
                table.Add(c.Id.ToString(CultureInfo.InvariantCulture), c.Reference, c.Jurisdiction, c.EffectiveDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), string.Join(", ", c.Modules), c.Title);
            }

            Console.Write(table);
            return 0;
        }));
        return command;
    }
}
