using System.CommandLine;
using AppLayer.Site;
using AppLayer.Site.Offline;

namespace AppLayer.Cli.Commands;

/// <summary>
/// <c>applayer site apply-bundle FILE</c>, <c>applayer site report export|ack</c>: the site agent
/// without a network. Exit codes as <c>site apply</c>: 0 done, 1 refused (nothing applied), 2 an update failed.
/// </summary>
internal static class SiteOfflineCommands
{
    public static Command ApplyBundle()
    {
        var file = new Argument<string>("file") { Description = "An offline bundle made by 'applayer bundle export'." };
        var db = Db();
        var now = new Option<bool>("--now") { Description = "Apply even outside the installation's maintenance window." };
        var noRehearsal = new Option<bool>("--no-rehearsal") { Description = "Skip the rehearsal of each update on a copy of the IS database." };
        var allowUnsandboxed = SandboxOption.Create();
        var command = new Command("apply-bundle", "Verify an offline bundle exactly as a pull verifies the feed (signatures, versions, expiry, hashes), then apply its updates; reports wait in the outbox.") { file, db, now, noRehearsal, allowUnsandboxed };
        command.SetAction((parse, ct) => SandboxOption.Apply(parse, allowUnsandboxed, () =>
            SiteLogging.WithLoggerAsync(async log => (await ApplyProgressBar.RunAsync(!parse.GetValue(noRehearsal), log, options => new OfflineSite(parse.GetValue(db)!, options).ApplyBundleAsync(parse.GetValue(file)!, parse.GetValue(now), ct))).ExitCode)));
        return command;
    }

    public static Command Report()
    {
        var command = new Command("report", "Carry reports to the host by hand: export the outbox, then acknowledge what the host imported.");

        var db = Db();
        var output = new Option<string>("--out") { Description = "The file to write.", Required = true };
        var export = new Command("export", "Write the reports the host has not accepted yet, with their idempotency keys, to a file for 'applayer report import'. Marks nothing.") { db, output };
        export.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            await new OfflineSite(parse.GetValue(db)!).ExportReportsAsync(parse.GetValue(output)!, ct);
            return 0;
        }));
        command.Subcommands.Add(export);

        var ackDb = Db();
        var file = new Argument<string>("file") { Description = "The exported file the host has imported." };
        var ack = new Command("ack", "Mark the reports in an exported file sent, after 'applayer report import' succeeded; they are not exported again.") { file, ackDb };
        ack.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            await new OfflineSite(parse.GetValue(ackDb)!).AcknowledgeReportsAsync(parse.GetValue(file)!, ct);
            return 0;
        }));
        command.Subcommands.Add(ack);
        return command;
    }

    private static Option<string> Db() => new("--db") { Description = "The IS database (SQLite file).", Required = true };
}
