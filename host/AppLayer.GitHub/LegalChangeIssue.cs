using System.Globalization;
using AppLayer.Protocol.Api;
using Octokit;

namespace AppLayer.GitHub;

/// <summary>
/// Turns a GitHub issue into a legal change: the title is the issue's; references, dates, area,
/// modules, source and assignee come from the front matter, else from labels (<c>area:tax</c>,
/// <c>jurisdiction:SK</c>, <c>module:payroll</c>), the issue's link and its assignee.
/// </summary>
public static class LegalChangeIssue
{
    public const string DefaultJurisdiction = "CZ";

    /// <summary>The id that makes a re-import update the same change: <c>github:owner/repo#12</c>.</summary>
    public static string ExternalId(RepositoryName repository, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"github:{repository}#{number}");

    /// <exception cref="FrontMatterException">The front matter is malformed or a required field is missing.</exception>
    public static ImportLegalChangeRequest ToRequest(RepositoryName repository, Issue issue, bool merge)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(issue);
        var fields = FrontMatter.Parse(issue.Body);
        var labels = issue.Labels?.Select(l => l.Name).ToList() ?? [];

        var references = Values(fields, "reference").Concat(Values(fields, "references"))
            .SelectMany(r => r.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        if (references.Count == 0)
        {
            throw new FrontMatterException("it names no legal reference (front matter 'reference')");
        }

        var modules = Values(fields, "modules")
            .SelectMany(m => m.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Concat(Labelled(labels, "module"))
            .ToList();
        var change = new CreateLegalChangeRequest(
            references[0],
            issue.Title,
            One(fields, "jurisdiction") ?? Labelled(labels, "jurisdiction").FirstOrDefault() ?? DefaultJurisdiction,
            One(fields, "area") ?? Labelled(labels, "area").FirstOrDefault()
                ?? throw new FrontMatterException("it has no area (front matter 'area' or a label 'area:...')"),
            Date(fields, "effective") ?? throw new FrontMatterException("it has no effective date (front matter 'effective: YYYY-MM-DD')"),
            modules,
            references.Skip(1).ToList(),
            One(fields, "source") ?? issue.HtmlUrl,
            Date(fields, "announced"),
            Date(fields, "transition-end"),
            One(fields, "assignee") ?? issue.Assignee?.Login,
            merge);
        return new ImportLegalChangeRequest(ExternalId(repository, issue.Number), change);
    }

    private static IEnumerable<string> Values(IReadOnlyDictionary<string, List<string>> fields, string key) =>
        fields.TryGetValue(key, out var values) ? values : [];

    private static string? One(IReadOnlyDictionary<string, List<string>> fields, string key) =>
        Values(fields, key).ToList() switch
        {
            [] => null,
            [var value] => value,
            _ => throw new FrontMatterException($"front matter '{key}' holds a list; it takes one value"),
        };

    private static DateOnly? Date(IReadOnlyDictionary<string, List<string>> fields, string key) =>
        One(fields, key) is not { } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new FrontMatterException($"front matter '{key}: {text}' is not a date YYYY-MM-DD");

    private static IEnumerable<string> Labelled(IEnumerable<string> labels, string prefix) =>
        labels.Where(l => l.StartsWith(prefix + ":", StringComparison.OrdinalIgnoreCase))
            .Select(l => l[(prefix.Length + 1)..].Trim())
            .Where(v => v.Length > 0);
}
