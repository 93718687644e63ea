using System.Globalization;
using AppLayer.Core;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer hold list|release</c>: rolled-back updates the host no longer offers to an installation.</summary>
public static class HoldCommand
{
    public static Command Create()
    {
        var command = new Command("hold", "Rolled-back updates: held, not offered to that installation again until a manager releases the hold.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Release());
        return command;
    }

    private static Command List()
    {
        var installation = new Option<string>("--installation") { Description = "Only this installation's holds." };
        var all = new Option<bool>("--all") { Description = "Released holds too." };
        return HostVerb.List<UpdateHoldDto>(
            "list",
            "Updates held after a rollback, per installation (oldest first).",
            [installation, all],
            parse =>
            {
                var query = new List<string>();
                if (parse.GetValue(installation) is { Length: > 0 } code)
                {
                    query.Add("installation=" + Uri.EscapeDataString(code));
                }

                if (parse.GetValue(all))
                {
                    query.Add("all=true");
                }

                return ApiRoutes.Holds + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
            },
            holds =>
            {
                if (holds.Count == 0)
                {
                    return "no update is held\n";
                }

                var table = new TextTable("installation", "update", "rolled back (UTC)", "state", "why");
                foreach (var h in holds)
                {
                    table.Add(
                        h.Installation,
                        $"{h.PackageId}/{h.Version}",
                        h.RolledBackAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                        h.Held ? "held" : $"released {h.ReleasedAt!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} by {h.ReleasedBy}",
                        h.Held ? h.Message : h.Reason);
                }

                return table.ToString();
            });
    }

    private static Command Release()
    {
        var installation = new Option<string>("--installation") { Description = "The installation that rolled the update back.", Required = true };
        var package = new Option<string>("--package") { Description = "The held update as ID/VERSION, e.g. Cz.Vat2024/1.0.0.", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why it may be applied again (in the customer's history)." };
        return HostVerb.Create("release", "Release a hold: the host offers the update to that installation again and its next site run applies it.", [installation, package, reason], async (parse, client, ct) =>
        {
            var (id, version) = Common.PackageVersion(parse.GetValue(package)!, "--package");
            var released = await client.PostAsync<UpdateHoldDto>(
                ApiRoutes.HoldReleases,
                new ReleaseHoldRequest(parse.GetValue(installation)!, id, version, parse.GetValue(reason)),
                ct);
            Console.WriteLine($"released the hold on {released.PackageId} {released.Version} for {released.Installation}: offered to it again at its next site run");
            return 0;
        });
    }
}
