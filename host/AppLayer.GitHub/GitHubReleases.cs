using Octokit;

namespace AppLayer.GitHub;

/// <summary>Creates a GitHub release (and its tag) with an AppLayer release's rendered notes.</summary>
public static class GitHubReleases
{
    /// <returns>The release's web address.</returns>
    public static async Task<string> PublishAsync(IGitHubClient client, RepositoryName repository, string tag, string notes, bool draft)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(repository);
        var release = new NewRelease(tag) { Name = tag, Body = notes, Draft = draft, Prerelease = false };
        var created = await GitHubFailure.GuardAsync(
            client,
            $"creating release {tag} in {repository}",
            () => client.Repository.Release.Create(repository.Owner, repository.Name, release));
        return created.HtmlUrl;
    }
}
