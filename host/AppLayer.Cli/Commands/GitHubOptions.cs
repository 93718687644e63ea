using AppLayer.GitHub;

namespace AppLayer.Cli.Commands;

/// <summary>Options of the verbs that talk to GitHub.</summary>
internal static class GitHubOptions
{
    public static Option<string> Token() => new("--token")
    {
        Description = $"A GitHub token (default: ${GitHubConnection.TokenVariable}); it is never printed.",
    };

    public static Option<string> ApiUrl() => new("--api-url")
    {
        Description = "The GitHub API address, for GitHub Enterprise (default: github.com).",
    };
}
