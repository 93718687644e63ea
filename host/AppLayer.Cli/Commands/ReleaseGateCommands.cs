using System.CommandLine;
using System.Globalization;
using AppLayer.Core;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer release gate|gates|rehearsals|approve</c>: updates sites may only rehearse until a manager approves them.</summary>
public static class ReleaseGateCommands
{
    public static Command Gate()
    {
        var (id, version) = (IdArgument(), VersionArgument());
        return HostVerb.Create("gate", "Gate an update: sites only rehearse it and report, until it is approved for them.", [id, version], async (parse, client, ct) =>
        {
            var gate = await client.PostAsync<ReleaseGateDto>(ApiRoutes.Gates, new GateReleaseRequest(parse.GetValue(id)!, parse.GetValue(version)!), ct);
            Console.WriteLine($"{gate.PackageId} {gate.Version} is gated: {gate.Installations.Count} installation(s) rehearse it at their next site run");
            return 0;
        });
    }

    public static Command Rehearsals()
    {
        var (host, key, id, version) = (Common.HostOption(), Common.KeyOption(), IdArgument(), VersionArgument());
        var json = Common.JsonOption();
        var command = new Command("rehearsals", "A gated update's rehearsal reports and approvals, per installation.") { id, version, host, key, json };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, host, key);
            var gate = await client.GetAsync<ReleaseGateDto>(ApiRoutes.Gate(parse.GetValue(id)!, parse.GetValue(version)!), ct);
            if (parse.GetValue(json))
            {
                Common.PrintJson(gate);
                return 0;
            }

            Print(gate);
            return 0;
        }));
        return command;
    }

    public static Command Approve()
    {
        var (host, key, id, version) = (Common.HostOption(), Common.KeyOption(), IdArgument(), VersionArgument());
        var installation = new Option<string>("--installation") { Description = "The installation to approve it for (its last rehearsal must have succeeded)." };
        var all = new Option<bool>("--all-rehearsed") { Description = "Approve it for every installation whose last rehearsal succeeded." };
        var command = new Command("approve", "Approve a gated update; the next site run applies it.") { id, version, installation, all, host, key };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            if (string.IsNullOrWhiteSpace(parse.GetValue(installation)) == !parse.GetValue(all))
            {
                throw new UserException("give either --installation CODE or --all-rehearsed.");
            }

            using var client = Common.Client(parse, host, key);
            var gate = await client.PostAsync<ReleaseGateDto>(
                ApiRoutes.GateApprovals(parse.GetValue(id)!, parse.GetValue(version)!),
                new ApproveReleaseRequest(parse.GetValue(installation), parse.GetValue(all)),
                ct);
            Print(gate);
            return 0;
        }));
        return command;
    }

    public static Command List()
    {
        var (host, key, json) = (Common.HostOption(), Common.KeyOption(), Common.JsonOption());
        var command = new Command("gates", "List gated updates with their rehearsals and approvals.") { host, key, json };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, host, key);
            var gates = await client.GetAsync<List<ReleaseGateDto>>(ApiRoutes.Gates, ct);
            if (parse.GetValue(json))
            {
                Common.PrintJson(gates);
                return 0;
            }

            gates.ForEach(Print);
            return 0;
        }));
        return command;
    }

    private static void Print(ReleaseGateDto gate)
    {
        Console.WriteLine($"{gate.PackageId} {gate.Version}: gated {gate.GatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} by {gate.GatedBy}");
        var table = new TextTable("customer", "installation", "last rehearsal", "approved");
        foreach (var i in gate.Installations)
        {
            var rehearsal = i.LastRehearsal is { } r
                ? $"{(r.Succeeded ? "succeeded" : "FAILED")} {r.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}{(r.Succeeded ? string.Empty : ": " + r.Message)}"
                : "not rehearsed yet";
            table.Add(i.Customer, i.Installation, rehearsal, i.ApprovedAt is { } at ? $"{at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} by {i.ApprovedBy}" : "no");
        }

        Console.Write(table);
    }

    private static Argument<string> IdArgument() => new("id") { Description = "The update package's id." };

    private static Argument<string> VersionArgument() => new("version") { Description = "The package version." };
}
