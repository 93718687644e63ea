using System.CommandLine;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer change update ID [--title ...]</c>: change fields; each change lands in the audit trail.</summary>
public static class ChangeUpdateCommand
{
    public static Command Create()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var id = new Argument<long>("id") { Description = "Legal change id." };
        var title = new Option<string>("--title") { Description = "New title." };
        var reference = new Option<string[]>("--reference") { Description = "The full new list of legal references (repeat the option)." };
        var jurisdiction = new Option<string>("--jurisdiction") { Description = "Country code." };
        var area = new Option<string>("--area") { Description = "accounting, payroll, finance, production, tax or reporting." };
        var source = new Option<string>("--source") { Description = "Link to the law's text." };
        var announced = new Option<string>("--announced") { Description = "Announcement date, YYYY-MM-DD." };
        var effective = new Option<string>("--effective") { Description = "Effective date, YYYY-MM-DD." };
        var transitionEnd = new Option<string>("--transition-end") { Description = "Last day of a transitional period, YYYY-MM-DD." };
        var modules = Common.ListOption("--modules", "The full new list of affected IS modules");
        var assignee = new Option<string>("--assignee") { Description = "Who works on it." };
        var clear = Common.ListOption("--clear", "Fields to empty: source, announced, transition-end, assignee");
        var command = new Command("update", "Change a legal change's fields.")
        {
            id, title, reference, jurisdiction, area, source, announced, effective, transitionEnd, modules, assignee, clear, host, key,
        };
        command.SetAction((parse, ct) => Run.SafelyAsync(parse, async (output, _) =>
        {
            var request = new UpdateLegalChangeRequest(
                parse.GetValue(title),
                parse.GetValue(reference) is { Length: > 0 } references ? references : null,
                parse.GetValue(jurisdiction),
                parse.GetValue(area),
                parse.GetValue(source),
                CliDates.Optional(parse.GetValue(announced), "--announced"),
                CliDates.Optional(parse.GetValue(effective), "--effective"),
                CliDates.Optional(parse.GetValue(transitionEnd), "--transition-end"),
                parse.GetValue(modules) is { Length: > 0 } list ? Common.Split(list) : null,
                parse.GetValue(assignee),
                Common.Split(parse.GetValue(clear)));
            using var client = Common.Client(parse, host, key);
            var change = await client.PatchAsync<LegalChangeDto>(ApiRoutes.LegalChange(parse.GetValue(id)), request, ct);
            await output.WriteLineAsync($"legal change {change.Id} updated: {change.Reference}, effective {change.EffectiveDate:yyyy-MM-dd}, {change.Status}");
            return 0;
        }));
        return command;
    }
}
