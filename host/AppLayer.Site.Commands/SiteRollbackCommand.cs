using System.CommandLine;
using AppLayer.Site;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer site rollback UPDATE --db X --yes</c>.</summary>
internal static class SiteRollbackCommand
{
    public static Command Create()
    {
        var update = new Argument<string>("update") { Description = "The package id of the applied update, e.g. Cz.Vat2024." };
        var db = new Option<string>("--db") { Description = "The IS database (SQLite file).", Required = true };
        var yes = new Option<bool>("--yes") { Description = "Confirm: the rollback changes the IS database." };
        var allowUnsandboxed = SandboxOption.Create();
        var command = new Command("rollback", "Roll back an applied update: its down step in one transaction, or the snapshot from before it; recorded and reported.") { update, db, yes, allowUnsandboxed };
        command.SetAction((parse, ct) => SandboxOption.Apply(parse, allowUnsandboxed, async () =>
        {
            await new SiteAgent(parse.GetValue(db)!).RollbackAsync(parse.GetValue(update)!, parse.GetValue(yes), ct);
            return 0;
        }));
        return command;
    }
}
