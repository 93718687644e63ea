using System.CommandLine;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer inventory show|flagged</c>: installations' system software and its vendor support.</summary>
public static class InventoryCommand
{
    public static Command Create()
    {
        var command = new Command("inventory", "System software the sites reported (applayer site check), judged against vendor support end dates.");
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Flagged());
        return command;
    }

    private static Command Show()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var json = Common.JsonOption();
        var within = WithinOption();
        var installation = new Argument<string>("installation") { Description = "The installation's code." };
        var command = new Command("show", "One installation's system software and its support.") { installation, within, host, key, json };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, host, key);
            var inventory = await client.GetAsync<InstallationInventoryDto>(ApiRoutes.InstallationInventory(parse.GetValue(installation)!) + Query(parse, within), ct);
            if (parse.GetValue(json))
            {
                Common.PrintJson(inventory);
                return 0;
            }

            Console.WriteLine($"{inventory.Installation} ({inventory.Customer}): {inventory.Support}; reported {(inventory.ReportedAt is { } at ? at.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "never")}, judged on {CliDates.Format(inventory.At)}");
            var table = new TextTable("component", "version", "description", "support ends", "days left", "support");
            foreach (var c in inventory.Components)
            {
                table.Add(c.Component, c.Version, c.Description, CliDates.Format(c.SupportEndsOn), c.DaysLeft?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-", c.Support);
            }

            Console.Write(table);
            return 0;
        }));
        return command;
    }

    private static Command Flagged()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var json = Common.JsonOption();
        var within = WithinOption();
        var command = new Command("flagged", "Installations running software past its vendor's end of support, or ending within --within days; exit 2 when any.") { within, host, key, json };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, host, key);
            var flagged = await client.GetAsync<List<InstallationInventoryDto>>(ApiRoutes.FlaggedInventory + Query(parse, within), ct);
            if (parse.GetValue(json))
            {
                Common.PrintJson(flagged);
                return flagged.Count == 0 ? 0 : 2;
            }

            if (flagged.Count == 0)
            {
                Console.WriteLine("no installation runs unsupported software");
                return 0;
            }

            var table = new TextTable("customer", "installation", "support", "components");
            foreach (var i in flagged)
            {
                table.Add(i.Customer, i.Installation, i.Support, string.Join(", ", i.Components.Where(c => c.Support is "unsupported" or "ending-soon").Select(c => $"{c.Component} {c.Version} ({c.Support} {CliDates.Format(c.SupportEndsOn)})")));
            }

            Console.Write(table);
            return 2;
        }));
        return command;
    }

    private static Option<int?> WithinOption() => new("--within") { Description = "Warn about support ending within this many days (default 90)." };

    private static string Query(ParseResult parse, Option<int?> within) =>
        parse.GetValue(within) is { } days ? $"?within={days}" : string.Empty;
}
