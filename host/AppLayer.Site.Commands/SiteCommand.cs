using System.CommandLine;
using System.Text.Json;
using AppLayer.DemoIs;
using AppLayer.Site;
using Microsoft.Extensions.Logging;

namespace AppLayer.Cli.Commands;

/// <summary>
/// <c>applayer site init-demo|enroll|pull|apply|run|apply-local</c>: the site agent for one IS database.
/// Exit codes: 0 done, 1 a user's mistake, 2 an update failed (its IS data untouched, its report kept),
/// 3 partly: some listed updates could not be verified and were skipped (each named), the others were taken.
/// </summary>
public static class SiteCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var command = new Command("site", "The site agent: enroll an IS database, pull, apply and report updates.");
        command.Subcommands.Add(InitDemo());
        command.Subcommands.Add(Enroll());
        command.Subcommands.Add(Pull());
        command.Subcommands.Add(Apply());
        command.Subcommands.Add(RunAll());
        command.Subcommands.Add(ApplyLocal());
        command.Subcommands.Add(SitePlanCommands.Plan());
        command.Subcommands.Add(SitePlanCommands.Window());
        command.Subcommands.Add(SitePlanCommands.Snapshots());
        command.Subcommands.Add(SiteRollbackCommand.Create());
        command.Subcommands.Add(SiteServiceCommand.Create());
        command.Subcommands.Add(SiteCheckCommand.Create());
        command.Subcommands.Add(SiteOfflineCommands.ApplyBundle());
        command.Subcommands.Add(SiteOfflineCommands.Report());
        return command;
    }

    private static Option<string> DbOption() => new("--db")
    {
        Description = "The IS database (SQLite file); the agent keeps its cache and outbox in <db>.applayer/.",
        Required = true,
    };

    private static Command InitDemo()
    {
        var db = DbOption();
        var isVersion = new Option<string>("--is-version")
        {
            Description = "The IS version to record in is_info.",
            DefaultValueFactory = _ => DemoIsDatabase.DefaultIsVersion,
        };
        var company = new Option<string>("--company")
        {
            Description = "The company the demo IS belongs to.",
            DefaultValueFactory = _ => DemoIsDatabase.DefaultCompany,
        };
        var command = new Command("init-demo", "Create a demo IS database: Czech accounting and payroll as of January 2024.") { db, isVersion, company };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            var path = parse.GetValue(db)!;
            await DemoIsDatabase.CreateAsync(path, parse.GetValue(isVersion)!, parse.GetValue(company)!, ct);
            Console.WriteLine($"created demo IS {parse.GetValue(isVersion)} at {Path.GetFullPath(path)}");
            return 0;
        }));
        return command;
    }

    private static Command Enroll()
    {
        var db = DbOption();
        var host = new Option<string>("--host") { Description = "The host's base URL, e.g. http://127.0.0.1:5080.", Required = true };
        var key = new Option<string>("--key") { Description = "This installation's site key (applayer installation key CODE).", Required = true };
        var root = new Option<string>("--root") { Description = "The feed's root.json received out of band, to pin (default: the host's current /tuf/root.json)." };
        var feed = new Option<string>("--feed") { Description = "Read signed metadata and packages from this URL instead (e.g. a static copy made by 'applayer feed export')." };
        var command = new Command("enroll", "Bind an IS database to the host with its installation's site key and pin the feed's signing root.") { host, key, db, root, feed };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            await Agent(parse, db).EnrollAsync(parse.GetValue(host)!, parse.GetValue(key)!, parse.GetValue(root), parse.GetValue(feed), ct);
            return 0;
        }));
        return command;
    }

    private static Command Pull()
    {
        var db = DbOption();
        var command = new Command("pull", "Download the updates this IS lacks into its cache, each checked against the host's SHA-512.") { db };
        command.SetAction((parse, ct) => Run.SafelyAsync(() => SiteLogging.WithLoggerAsync(async log => (await Agent(parse, db, log).PullAsync(ct)).ExitCode)));
        return command;
    }

    private static Command Apply()
    {
        var db = DbOption();
        var noReport = new Option<bool>("--no-report") { Description = "Do not contact the host; the reports wait in the outbox for the next report." };
        var now = NowOption();
        var noRehearsal = NoRehearsalOption();
        var allowUnsandboxed = SandboxOption.Create();
        var command = new Command("apply", "Apply the cached updates, each in one transaction, then report the results.") { db, noReport, now, noRehearsal, allowUnsandboxed };
        command.SetAction((parse, ct) => SandboxOption.Apply(parse, allowUnsandboxed, () => SiteLogging.WithLoggerAsync(async log => (await ApplyProgressBar.RunAsync(!parse.GetValue(noRehearsal), log, options => new SiteAgent(parse.GetValue(db)!, options).ApplyAsync(!parse.GetValue(noReport), parse.GetValue(now), ct))).ExitCode)));
        return command;
    }

    private static Command RunAll()
    {
        var db = DbOption();
        var now = NowOption();
        var noRehearsal = NoRehearsalOption();
        var json = new Option<bool>("--json") { Description = "Print what was pulled, skipped, applied and failed as JSON (the agent's lines go to stderr)." };
        var allowUnsandboxed = SandboxOption.Create();
        var command = new Command("run", "Pull, apply and report: what a scheduled agent runs.") { db, now, noRehearsal, json, allowUnsandboxed };
        command.SetAction((parse, ct) => SandboxOption.Apply(parse, allowUnsandboxed, () => SiteLogging.WithLoggerAsync(async log =>
        {
            if (parse.GetValue(json))
            {
                var result = await new SiteAgent(parse.GetValue(db)!, new SiteAgentOptions { Rehearse = !parse.GetValue(noRehearsal), Output = Console.Error, Logger = log }).RunAsync(parse.GetValue(now), ct);
                Console.WriteLine(JsonSerializer.Serialize(result, Json));
                return result.ExitCode;
            }

            return (await ApplyProgressBar.RunAsync(!parse.GetValue(noRehearsal), log, options => new SiteAgent(parse.GetValue(db)!, options).RunAsync(parse.GetValue(now), ct))).ExitCode;
        })));
        return command;
    }

    private static Command ApplyLocal()
    {
        var package = new Argument<string>("package") { Description = "The update package (.nupkg) to try, e.g. bin/Release/Cz.Something.1.0.0.nupkg." };
        var db = new Option<string>("--db")
        {
            Description = "A copy of an IS database (SQLite file) to apply it to; never the enrolled live one (refused).",
            Required = true,
        };
        var noRehearsal = NoRehearsalOption();
        var allowUnsandboxed = SandboxOption.Create();
        var command = new Command("apply-local", "For plugin authors: verify a package's manifest, rehearse it and apply it to a copy of an IS database, without a feed and without publishing; nothing is reported. Exit 2 when the update failed (the copy as it was).")
        {
            package, db, noRehearsal, allowUnsandboxed,
        };
        command.SetAction((parse, ct) => SandboxOption.Apply(parse, allowUnsandboxed, () => SiteLogging.WithLoggerAsync(async log =>
        {
            var options = new SiteAgentOptions { Rehearse = !parse.GetValue(noRehearsal), Logger = log };
            var result = await new SiteAgent(parse.GetValue(db)!, options).ApplyLocalAsync(parse.GetValue(package)!, ct);
            if (!result.Applied)
            {
                await Console.Error.WriteLineAsync($"error: {result.Id} {result.Version} was not applied to {Path.GetFullPath(parse.GetValue(db)!)}: {result.Message}");
            }

            return result.ExitCode;
        })));
        return command;
    }

    private static SiteAgent Agent(ParseResult parse, Option<string> db) => new(parse.GetValue(db)!);

    private static SiteAgent Agent(ParseResult parse, Option<string> db, ILogger logger) => new(parse.GetValue(db)!, new SiteAgentOptions { Logger = logger });

    private static Option<bool> NowOption() => new("--now") { Description = "Apply even outside the installation's maintenance window." };

    private static Option<bool> NoRehearsalOption() => new("--no-rehearsal") { Description = "Skip the rehearsal of each update on a copy of the IS database." };
}
