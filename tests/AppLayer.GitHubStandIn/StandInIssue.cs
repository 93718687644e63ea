namespace AppLayer.GitHubStandIn;

/// <summary>An issue (or pull request) the stand-in serves.</summary>
public sealed record StandInIssue(
    int Number,
    string Title,
    string? Body,
    IReadOnlyList<string> Labels,
    string? Assignee = null,
    bool Closed = false,
    bool IsPullRequest = false);
