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
        var user = new Option<string>("--user") { Description = "The service's own user, which owns the database's folder and the site key.", DefaultValueFactory = _ => "applayer" };
        var memoryMax = new Option<string>("--memory-max") { Description = "MemoryMax= of the service's cgroup (the agent and its workers), e.g. 4G.", DefaultValueFactory = _ => "4G" };
        var tasksMax = new Option<int>("--tasks-max") { Description = "TasksMax= of the service's cgroup: its threads and processes together.", DefaultValueFactory = _ => 512 };
        var install = new Command("install", "Write a hardened systemd service (its own user, NoNewPrivileges, ProtectSystem=strict, ReadWritePaths, MemoryMax, TasksMax) and a persistent timer that run `applayer site run` for this database.") { db, unitDir, every, user, memoryMax, tasksMax };
        install.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            var limits = new AppLayer.Site.Service.ServiceLimits(parse.GetValue(user)!, parse.GetValue(memoryMax)!, parse.GetValue(tasksMax));
            var agent = new SiteAgent(parse.GetValue(db)!);
            var (service, timer) = await agent.InstallServiceAsync(parse.GetValue(unitDir)!, parse.GetValue(every)!, limits, ct);
            Console.WriteLine($"wrote {service}");
            Console.WriteLine($"wrote {timer}");
            Console.WriteLine($"the service runs as user {limits.User}, which must own {Path.GetDirectoryName(agent.Paths.Database)} (the database, its journal and {Path.GetFileName(agent.Paths.Root)}/ with the site key):");
            Console.WriteLine($"  useradd --system --no-create-home {limits.User}; chown -R {limits.User}: {Path.GetDirectoryName(agent.Paths.Database)}");
            Console.WriteLine($"start it with: systemctl daemon-reload && systemctl enable --now {Path.GetFileName(timer)}");
            return 0;
        }));
        var command = new Command("service", "Run the site agent periodically as a systemd service.");
        command.Subcommands.Add(install);
        return command;
    }
}
