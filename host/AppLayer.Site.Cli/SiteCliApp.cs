using System.CommandLine;
using AppLayer.Cli.Commands;

namespace AppLayer.Site.Cli;

/// <summary>
/// The site agent's own <c>applayer</c> command (package <c>AppLayer.Agent</c>): the same <c>site</c> verbs
/// as the full tool, without the host's.
/// </summary>
public static class SiteCliApp
{
    public static RootCommand Build()
    {
        var root = new RootCommand("AppLayer site agent: enroll an IS database with its supplier's host, then pull, verify, apply and report its updates.");
        root.Subcommands.Add(SiteCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = Build().Parse(args);
        return await parse.InvokeAsync();
    }
}
