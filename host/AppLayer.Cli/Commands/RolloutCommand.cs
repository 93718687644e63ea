using System.Globalization;
using System.Text;
using AppLayer.Core;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer rollout create|list|show|halt|resume|abort</c> and <c>applayer freeze add|list|lift</c>: staged rollouts and freezes.</summary>
public static class RolloutCommand
{
    public static Command Create() => Common.Group(
        "rollout",
        "Staged rollouts: a version goes to rings of installations one after another, and halts by itself when too many fail or roll it back. A version without a rollout goes to every entitled installation at once.",
        New(),
        HostVerb.List<RolloutDto>("list", "Every rollout, newest first: state, open rings, reports.", [], _ => ApiRoutes.Rollouts, FormatList),
        Show(),
        Change("halt", "Halt a running rollout: its version is offered to no installation until it is resumed."),
        Change("resume", "Resume a halted rollout: the rings carry on where they stood (the halted time does not count)."),
        Change("abort", "Abort a rollout for good: its version is offered to nobody again; publish a fixed version."));

    public static Command Freeze() => Common.Group(
        "freeze",
        "Freezes: periods (e.g. the year-end closing) when only urgent legal updates (legislative, marked emergency) go out, to one customer or to everyone.",
        AddFreeze(),
        HostVerb.List<FreezeDto>("list", "Freezes not over yet, by their first day.", [], _ => ApiRoutes.Freezes, FormatFreezes),
        LiftFreeze());

    private static Command New()
    {
        var package = PackageArgument();
        var rings = Common.ListOption("--rings", "Cumulative shares of the installations per ring, rising to 100 (default 1,10,50,100)");
        var bake = new Option<int?>("--bake-hours") { Description = "How long each ring runs before the next one opens (default 24)." };
        var canary = Common.ListOption("--canary", "Customers whose installations get it first, in a ring of their own");
        var rate = new Option<double?>("--halt-rate") { Description = "Share of failed or rolled-back reports that halts it, 0-1 (default 0.1)." };
        var minimum = new Option<int?>("--halt-minimum") { Description = "The fewest failed or rolled-back installations that halt it (default 3)." };
        return HostVerb.Create("create", "Roll a pushed version out in rings instead of to everyone at once; warns when the last ring cannot get it before its effective date.", [package, rings, bake, canary, rate, minimum], async (parse, client, ct) =>
        {
            var (id, version) = Common.PackageVersion(parse.GetValue(package)!, "the package");
            var percents = new List<int>();
            foreach (var text in Common.Split(parse.GetValue(rings)))
            {
                percents.Add(int.TryParse(text.TrimEnd('%'), NumberStyles.None, CultureInfo.InvariantCulture, out var p)
                    ? p
                    : throw new UserException($"--rings takes whole percentages such as 1,10,50,100, not '{text}'."));
            }

            var canaries = Common.Split(parse.GetValue(canary));
            var created = await client.PostAsync<RolloutDto>(
                ApiRoutes.Rollouts,
                new CreateRolloutRequest(id, version, percents.Count > 0 ? percents : null, parse.GetValue(bake), canaries.Count > 0 ? canaries : null, parse.GetValue(rate), parse.GetValue(minimum)),
                ct);
            Console.Write(FormatOne(created));
            return 0;
        });
    }

    private static Command Show()
    {
        var package = PackageArgument();
        var json = Common.JsonOption();
        return HostVerb.Create("show", "One rollout: its rings and when each opens, the reports, the warnings and the audit trail.", [package, json], async (parse, client, ct) =>
        {
            var (id, version) = Common.PackageVersion(parse.GetValue(package)!, "the package");
            var rollout = await client.GetAsync<RolloutDto>(ApiRoutes.Rollout(id, version), ct);
            if (parse.GetValue(json))
            {
                Common.PrintJson(rollout);
            }
            else
            {
                Console.Write(FormatOne(rollout));
            }

            return 0;
        });
    }

    private static Command Change(string action, string description)
    {
        var package = PackageArgument();
        var reason = new Option<string>("--reason") { Description = "Why (in the audit trail and the histories of the customers that received it)." };
        return HostVerb.Create(action, description, [package, reason], async (parse, client, ct) =>
        {
            var (id, version) = Common.PackageVersion(parse.GetValue(package)!, "the package");
            var changed = await client.PostAsync<RolloutDto>(ApiRoutes.Rollout(id, version, action), new RolloutActionRequest(parse.GetValue(reason)), ct);
            Console.Write(FormatOne(changed));
            return 0;
        });
    }

    private static Command AddFreeze()
    {
        var from = new Option<string>("--from") { Description = "First day, YYYY-MM-DD (Europe/Prague).", Required = true };
        var to = new Option<string>("--to") { Description = "Last day, YYYY-MM-DD, included.", Required = true };
        var customer = new Option<string>("--customer") { Description = "Only this customer's installations (default: everyone's)." };
        var reason = new Option<string>("--reason") { Description = "Why, e.g. year-end closing." };
        return HostVerb.Create("add", "Add a freeze: from --from to --to only urgent legal updates are offered.", [from, to, customer, reason], async (parse, client, ct) =>
        {
            var first = ChangeCommand.ParseDate(parse.GetValue(from)!, "--from");
            var last = ChangeCommand.ParseDate(parse.GetValue(to)!, "--to");
            var added = await client.PostAsync<FreezeDto>(ApiRoutes.Freezes, new AddFreezeRequest(first, last, parse.GetValue(customer), parse.GetValue(reason)), ct);
            Console.WriteLine($"freeze {added.Id}: {added.From:yyyy-MM-dd} to {added.To:yyyy-MM-dd} for {added.Customer ?? "every customer"}: only urgent legal updates go out ({added.Reason})");
            return 0;
        });
    }

    private static Command LiftFreeze()
    {
        var id = new Argument<long>("id") { Description = "The freeze's number (applayer freeze list)." };
        return HostVerb.Create("lift", "Lift a freeze: what it held back is offered again at the sites' next runs.", [id], async (parse, client, ct) =>
        {
            var lifted = await client.DeleteAsync<FreezeDto>(ApiRoutes.Freezes + "/" + parse.GetValue(id).ToString(CultureInfo.InvariantCulture), ct);
            Console.WriteLine($"lifted freeze {lifted.Id} ({lifted.From:yyyy-MM-dd} to {lifted.To:yyyy-MM-dd}, {lifted.Customer ?? "every customer"})");
            return 0;
        });
    }

    private static Argument<string> PackageArgument() => new("package") { Description = "The version as ID/VERSION, e.g. Cz.Vat2024/1.0.0." };

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    private static string FormatOne(RolloutDto r)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"rollout of {r.PackageId} {r.Version}: {r.State}");
        text.Append(CultureInfo.InvariantCulture, $" (halts at {r.HaltRate:P0} failed or rolled back, at least {r.HaltMinimum}); effective {CliDates.Format(r.EffectiveDate)}\n");
        var rings = new TextTable("ring", "share", "bake", "opens (UTC)", "open");
        foreach (var ring in r.Rings)
        {
            rings.Add(ring.Name, ring.Name == "canary" ? string.Join(',', r.Canary) : ring.Percent + " %", ring.BakeHours + " h", ring.OpensAt is { } at ? Time(at) : "-", ring.Open ? "yes" : "no");
        }

        text.Append(rings);
        text.Append(CultureInfo.InvariantCulture, $"reports: {r.Reports.Applied} applied, {r.Reports.Failed} failed, {r.Reports.RolledBack} rolled back\n");
        foreach (var warning in r.Warnings)
        {
            text.Append(CultureInfo.InvariantCulture, $"warning: {warning}\n");
        }

        foreach (var e in r.Events)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Time(e.At)}  {e.Action} by {e.Actor}: {e.Reason}\n");
        }

        return text.ToString();
    }

    private static string FormatList(List<RolloutDto> rollouts)
    {
        if (rollouts.Count == 0)
        {
            return "no rollout: every version goes to every entitled installation at once\n";
        }

        var table = new TextTable("update", "state", "open rings", "applied", "failed", "rolled back", "warnings");
        foreach (var r in rollouts)
        {
            table.Add($"{r.PackageId}/{r.Version}", r.State, $"{r.Rings.Count(x => x.Open)}/{r.Rings.Count}", r.Reports.Applied.ToString(CultureInfo.InvariantCulture), r.Reports.Failed.ToString(CultureInfo.InvariantCulture), r.Reports.RolledBack.ToString(CultureInfo.InvariantCulture), r.Warnings.Count.ToString(CultureInfo.InvariantCulture));
        }

        return table.ToString();
    }

    private static string FormatFreezes(List<FreezeDto> freezes)
    {
        if (freezes.Count == 0)
        {
            return "no freeze\n";
        }

        var table = new TextTable("id", "from", "to", "customer", "reason");
        foreach (var f in freezes)
        {
            table.Add(f.Id.ToString(CultureInfo.InvariantCulture), CliDates.Format(f.From), CliDates.Format(f.To), f.Customer ?? "everyone", f.Reason);
        }

        return table.ToString();
    }
}
