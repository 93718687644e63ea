using Octokit;

namespace AppLayer.GitHub;

/// <summary>Reads a repository's issues with a label (open and closed, every page, pull requests left out).</summary>
public static class LegalChangeIssues
{
    public const int PageSize = 100;

    public static async Task<IReadOnlyList<IssueToImport>> ReadAsync(IGitHubClient client, RepositoryName repository, string label, bool merge)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(repository);
        var request = new RepositoryIssueRequest { State = ItemStateFilter.All };
        request.Labels.Add(label);
        var issues = await GitHubFailure.GuardAsync(
            client,
            $"listing the issues of {repository}",
            () => client.Issue.GetAllForRepository(repository.Owner, repository.Name, request, new ApiOptions { PageSize = PageSize }));

        var result = new List<IssueToImport>();
        foreach (var issue in issues.Where(i => i.PullRequest is null).OrderBy(i => i.Number))
        {
            try
            {
                result.Add(new IssueToImport(issue.Number, issue.Title, LegalChangeIssue.ToRequest(repository, issue, merge), null));
            }
            catch (FrontMatterException ex)
            {
                result.Add(new IssueToImport(issue.Number, issue.Title, null, ex.Message));
            }
        }

        return result;
    }
}
