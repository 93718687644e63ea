using System.CommandLine;
using System.Text.Json;
using AppLayer.Site;
using AppLayer.Protocol;
using AppLayer.Site.Planning;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer site plan</c>, <c>applayer site window</c> and <c>applayer site snapshots</c>: what would run, when it may, and what is kept for rollback.</summary>
internal static class SitePlanCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Plan()
    {
        var db = Db();
        var json = new Option<bool>("--json") { Description = "Print the plan as JSON." };
        var allowUnsandboxed = SandboxOption.Create();
        var command = new Command("plan", "Show the ordered plan for the cached updates: dependencies, IS versions, effective dates, the maintenance window, the disk a run needs against what is free, whether plugins would run sandboxed. Changes nothing.") { db, json, allowUnsandboxed };
        command.SetAction((parse, ct) => SandboxOption.Apply(parse, allowUnsandboxed, async () =>
        {
            var plan = await new SiteAgent(parse.GetValue(db)!).PlanAsync(ct);
            Console.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(plan, Json) : Render(plan));
            return 0;
        }));
        return command;
    }

    public static Command Window()
    {
        var db = Db();
        var start = new Option<string?>("--start") { Description = "Local time the window opens, HH:mm (in the installation's time zone)." };
        var end = new Option<string?>("--end") { Description = "Local time the window closes, HH:mm (may be after midnight)." };
        var clear = new Option<bool>("--clear") { Description = "Remove the window: updates apply at any time." };
        var command = new Command("window", "Set the installation's maintenance window; site run applies only inside it unless --now.") { db, start, end, clear };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            var agent = new SiteAgent(parse.GetValue(db)!);
            var window = await agent.SetWindowAsync(parse.GetValue(clear) ? null : parse.GetValue(start) ?? string.Empty, parse.GetValue(clear) ? null : parse.GetValue(end) ?? string.Empty, ct);
            Console.WriteLine(window is null ? "maintenance window cleared: updates apply at any time" : $"maintenance window {window}");
            return 0;
        }));
        return command;
    }

    public static Command Snapshots()
    {
        var db = Db();
        var keep = new Option<int?>("--keep") { Description = "Keep at least the newest N snapshots (default 3)." };
        var days = new Option<int?>("--days") { Description = "Keep every snapshot younger than D days (default 30)." };
        var command = new Command("snapshots", "Show the snapshots kept for rollback and their retention, or set it: after each successful run the agent prunes those past both limits, never the one the newest applied update needs.") { db, keep, days };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            var (retention, snapshots) = await new SiteAgent(parse.GetValue(db)!).SnapshotsAsync(parse.GetValue(keep), parse.GetValue(days), ct);
            Console.WriteLine($"snapshot retention: {retention}, and never the one the newest applied update needs");
            foreach (var (file, bytes, takenAt) in snapshots)
            {
                Console.WriteLine($"  {takenAt:yyyy-MM-dd HH:mm} UTC  {bytes / 1024.0 / 1024.0,8:0.0} MiB  {file}");
            }

            Console.WriteLine($"{snapshots.Count} snapshot(s), {snapshots.Sum(s => s.Bytes) / 1024.0 / 1024.0:0.0} MiB");
            return 0;
        }));
        return command;
    }

    private static Option<string> Db() => new("--db") { Description = "The IS database (SQLite file).", Required = true };

    private static string Render(SitePlan plan)
    {
        var lines = new List<string>
        {
            $"plan for {plan.Installation} (customer {plan.Customer}), IS {plan.IsVersion}, modules {string.Join(",", plan.Modules)}, at {plan.At:yyyy-MM-dd HH:mm} UTC",
            plan.MaintenanceWindow is null
                ? "maintenance window: none (updates apply at any time)"
                : $"maintenance window {plan.MaintenanceWindow}: {(plan.WindowOpen ? "OPEN now" : $"closed, opens {plan.WindowOpensAt:yyyy-MM-dd HH:mm} {plan.TimeZone}")}",
        };
        if (plan.Disk is not null)
        {
            lines.Add("disk: " + plan.Disk);
        }

        if (plan.Items.Count == 0)
        {
            lines.Add("nothing cached; run: applayer site pull");
        }

        foreach (var item in plan.Items)
        {
            var order = item.Order is { } n ? $"{n,2}." : "  -";
            var effective = item.EffectiveDate is { } date ? $" effective {date:yyyy-MM-dd}" : string.Empty;
            var gate = item.GateStatus is { } status ? $" [{status}]" : string.Empty;
            lines.Add($"{order} {item.Action.ToName(),-9} {item.Id} {item.Version} ({item.Kind}{effective}){gate}{(item.Reason is null ? string.Empty : ": " + item.Reason)}");
        }

        lines.AddRange(plan.Warnings.Select(w => "WARNING: " + w));
        return string.Join(Environment.NewLine, lines);
    }
}
