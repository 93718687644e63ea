using System.CommandLine;

namespace AppLayer.Cli.Commands;

/// <summary><c>--allow-unsandboxed</c> on the site verbs that run update plugins (or show whether they could).</summary>
internal static class SandboxOption
{
    public const string Variable = "APPLAYER_ALLOW_UNSANDBOXED";

    public static Option<bool> Create() => new("--allow-unsandboxed")
    {
        Description = "Run update plugins even where the worker sandbox (bubblewrap) cannot be set up. Without it a plugin "
            + "could change the agent's snapshots, TUF metadata and package cache beside the database and leave processes "
            + "running; by default the agent refuses. The same as " + Variable + "=1 in the environment (e.g. for the service).",
    };

    /// <summary>Carries the option to <see cref="AppLayer.Site.SiteAgentOptions.AllowUnsandboxed"/>, whose default reads the same variable.</summary>
    /// <summary>Runs a verb's body (as <see cref="Run.SafelyAsync(Func{Task{int}})"/>) with the option taken into account.</summary>
    public static Task<int> Apply(ParseResult parse, Option<bool> option, Func<Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.GetValue(option))
        {
            Environment.SetEnvironmentVariable(Variable, "1");
        }

        return Run.SafelyAsync(body);
    }
}
