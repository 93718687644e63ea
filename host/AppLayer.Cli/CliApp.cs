using AppLayer.Cli.Commands;

namespace AppLayer.Cli;

/// <summary>The <c>applayer</c> command: thin verbs over the libraries.</summary>
public static class CliApp
{
    public static RootCommand Build()
    {
        var root = new RootCommand("AppLayer: legislative updates for IS installations, their site agents and change histories.");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(KeysCommand.Create());
        root.Subcommands.Add(SiteCommand.Create());
        root.Subcommands.Add(CustomerCommand.Create());
        root.Subcommands.Add(InstallationCommand.Create());
        root.Subcommands.Add(ChangeCommand.Create());
        root.Subcommands.Add(PublishCommand.Create());
        root.Subcommands.Add(ReleaseCommand.Create());
        root.Subcommands.Add(HoldCommand.Create());
        root.Subcommands.Add(RolloutCommand.Create());
        root.Subcommands.Add(RolloutCommand.Freeze());
        root.Subcommands.Add(HistoryCommand.Create());
        root.Subcommands.Add(ComplianceCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(ChangelogCommand.Create());
        root.Subcommands.Add(TicketCommand.Create());
        root.Subcommands.Add(WorkCommands.Contact());
        root.Subcommands.Add(WorkCommands.Consultation());
        root.Subcommands.Add(WorkCommands.DataFix());
        root.Subcommands.Add(WorkCommands.Feature());
        root.Subcommands.Add(WorkCommands.Quote());
        root.Subcommands.Add(WorkCommands.Time());
        root.Subcommands.Add(StatementCommand.Create());
        root.Subcommands.Add(FeedCommand.Create());
        root.Subcommands.Add(BundleCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(SupportDatesCommand.Create());
        root.Subcommands.Add(InventoryCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = Build().Parse(args);
        return await parse.InvokeAsync();
    }
}
