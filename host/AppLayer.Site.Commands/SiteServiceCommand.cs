using System.CommandLine;
using AppLayer.Site;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer site service install</c>: a systemd service and timer for periodic runs.</summary>
internal static class SiteServiceCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "The enrolled IS database (SQLite file).", Required = true };
        var unitDir = new Option<string>("--unit-dir") { Description = "Where to write the units.", DefaultValueFactory = _ => "/etc/systemd/system" };
        var every = new Option<string>("--every") { Description = "How often to run: 30min, 6h, 1d.", DefaultValueFactory = _ => "6h" };
        var install = new Command("install", "Write a systemd service and timer that run `applayer site run` for this database.") { db, unitDir, every };
        install.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            var (service, timer) = await new SiteAgent(parse.GetValue(db)!).InstallServiceAsync(parse.GetValue(unitDir)!, parse.GetValue(every)!, ct);
            Console.WriteLine($"wrote {service}");
            Console.WriteLine($"wrote {timer}");
            Console.WriteLine($"start it with: systemctl daemon-reload && systemctl enable --now {Path.GetFileName(timer)}");
            return 0;
        }));
        var command = new Command("service", "Run the site agent periodically as a systemd service.");
        command.Subcommands.Add(install);
        return command;
    }
}
