using System.CommandLine;
using AppLayer.Site;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer site rollback UPDATE --db X --yes [--discard-changes-since]</c>.</summary>
internal static class SiteRollbackCommand
{
    public static Command Create()
    {
        var update = new Argument<string>("update") { Description = "The package id of the applied update, e.g. Cz.Vat2024." };
        var db = new Option<string>("--db") { Description = "The IS database (SQLite file).", Required = true };
        var yes = new Option<bool>("--yes") { Description = "Confirm: the rollback changes the IS database." };
        var discard = new Option<bool>("--discard-changes-since")
        {
            Description = "Restore the snapshot even though the IS database changed since the update was applied: those changes are lost. Without it such a restore is refused and lists them.",
        };
        var allowUnsandboxed = SandboxOption.Create();
        var command = new Command("rollback", "Roll back an applied update: its down step in one transaction, or the snapshot from before it (refused when the IS database changed since, unless --discard-changes-since); recorded, reported, and the update is held until a manager releases it.") { update, db, yes, discard, allowUnsandboxed };
        command.SetAction((parse, ct) => SandboxOption.Apply(parse, allowUnsandboxed, async () =>
        {
            await new SiteAgent(parse.GetValue(db)!).RollbackAsync(parse.GetValue(update)!, parse.GetValue(yes), parse.GetValue(discard), ct);
            return 0;
        }));
        return command;
    }
}
