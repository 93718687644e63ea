using System.CommandLine;
using AppLayer.Core;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer support-dates list|set</c>: the vendors' support end dates the host judges inventories by.</summary>
public static class SupportDatesCommand
{
    public static Command Create()
    {
        var command = new Command("support-dates", "Vendor support end dates of system software (OS, .NET, database engines).");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Set());
        return command;
    }

    private static Command List() =>
        HostVerb.List<SupportDateDto>("list", "List every component's release cycles and their end of support.", [], _ => ApiRoutes.SupportDates, dates =>
        {
            var table = new TextTable("component", "cycle", "name", "support ends", "updated by");
            foreach (var d in dates)
            {
                table.Add(d.Component, d.Cycle, d.Name, d.EndsOn is null ? "no announced end" : CliDates.Format(d.EndsOn), d.UpdatedBy ?? "-");
            }

            return table.ToString();
        });

    private static Command Set()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var component = new Argument<string>("component") { Description = "e.g. dotnet, debian, postgresql, sqlite." };
        var cycle = new Argument<string>("cycle") { Description = "The release cycle: a version prefix such as 8, 10.0 or 16." };
        var end = new Option<string>("--end") { Description = "The last day of vendor support, YYYY-MM-DD." };
        var noEnd = new Option<bool>("--no-end") { Description = "The vendor announced no end of support." };
        var name = new Option<string>("--name") { Description = "A name to show, e.g. \".NET 10 (LTS)\"." };
        var command = new Command("set", "Add a release cycle or change its end of support.") { component, cycle, end, noEnd, name, host, key };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            var ends = CliDates.Optional(parse.GetValue(end), "--end");
            if ((ends is null) != parse.GetValue(noEnd))
            {
                throw new UserException("give either --end YYYY-MM-DD or --no-end.");
            }

            using var client = Common.Client(parse, host, key);
            var path = ApiRoutes.SupportDate(parse.GetValue(component)!, parse.GetValue(cycle)!);
            var set = await client.PutAsync<SupportDateDto>(path, new SetSupportDateRequest(ends, parse.GetValue(name)), ct);
            Console.WriteLine($"{set.Name} ({set.Component} {set.Cycle}): {(set.EndsOn is null ? "no announced end" : "supported until " + CliDates.Format(set.EndsOn))}");
            return 0;
        }));
        return command;
    }
}
