using System.CommandLine;
using AppLayer.Core;
using AppLayer.GitHub;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer release publish-github --repo OWNER/REPO --release NAME</c>: a GitHub release with the rendered notes.</summary>
public static class ReleasePublishGitHubCommand
{
    public static Command Create()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var repo = new Option<string>("--repo") { Description = "The repository, OWNER/REPO.", Required = true };
        var release = new Option<string>("--release") { Description = "The AppLayer release; its name becomes the tag.", Required = true };
        var draft = new Option<bool>("--draft") { Description = "Create the GitHub release as a draft." };
        var token = GitHubOptions.Token();
        var apiUrl = GitHubOptions.ApiUrl();
        var command = new Command("publish-github", "Create a GitHub release (and tag) from an AppLayer release, with its notes.")
        {
            repo, release, draft, token, apiUrl, host, key,
        };
        command.SetAction((parse, ct) => Run.SafelyAsync(parse, async (output, _) =>
        {
            var repository = RepositoryName.Parse(parse.GetValue(repo));
            var name = parse.GetValue(release)?.Trim() ?? string.Empty;
            using var client = Common.Client(parse, host, key);
            var found = (await client.GetAsync<List<ReleaseDto>>(ApiRoutes.Releases, ct))
                .FirstOrDefault(r => r.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? throw new UserException($"release '{name}' does not exist on the host.");
            var github = GitHubConnection.Create(parse.GetValue(apiUrl), parse.GetValue(token));
            var url = await GitHubReleases.PublishAsync(github, repository, found.Name, found.Notes, parse.GetValue(draft));
            await output.WriteLineAsync($"GitHub release {found.Name} created in {repository}: {url}");
            return 0;
        }));
        return command;
    }
}
