using System.Text.RegularExpressions;
using AppLayer.Protocol;

namespace AppLayer.GitHub;

/// <summary>A GitHub repository as <c>OWNER/REPO</c>.</summary>
public sealed partial record RepositoryName(string Owner, string Name)
{
    /// <exception cref="UserException">The text is not <c>OWNER/REPO</c>.</exception>
    public static RepositoryName Parse(string? text)
    {
        var match = Pattern().Match(text?.Trim() ?? string.Empty);
        return match.Success
            ? new RepositoryName(match.Groups["owner"].Value, match.Groups["name"].Value)
            : throw new UserException($"'{text}' is not a GitHub repository as OWNER/REPO.");
    }

    public override string ToString() => $"{Owner}/{Name}";

    [GeneratedRegex("^(?<owner>[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/(?<name>[A-Za-z0-9._-]{1,100})$")]
    private static partial Regex Pattern();
}
