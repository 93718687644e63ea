using AppLayer.Core.Releases;
using NuGet.Packaging;

namespace AppLayer.Feed.Protocol;

/// <summary>
/// What the registration and search resources show of a package, as NuGet.org does: from its .nuspec
/// (title, description, summary, authors, tags, URLs, dependency groups). The update manifest may add
/// what the nuspec leaves empty (a title, the legal references as summary) and the update's kind as one
/// more tag; it never replaces what the nuspec says. A kit package carries no manifest of its own, so
/// nothing is added to it.
/// </summary>
public sealed record PackageDetails(
    string Title,
    string Description,
    string Summary,
    string Authors,
    IReadOnlyList<string> Tags,
    string? ProjectUrl,
    string? LicenseUrl,
    string? IconUrl,
    IReadOnlyList<PackageDependencyGroup> DependencyGroups)
{
    private static readonly char[] TagSeparators = [' ', ',', ';', '\t', '\r', '\n'];

    /// <param name="nuspec">The package's nuspec, or <c>null</c> when its file cannot be read (then the manifest alone speaks).</param>
    public static PackageDetails From(NuspecReader? nuspec, FeedPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var manifest = package.Manifest;
        var added = package.Kit ? null : manifest;
        var tags = new List<string>();
        foreach (var tag in (nuspec?.GetTags() ?? string.Empty).Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries)
            .Append(added?.Kind.ToString()))
        {
            if (tag is not null && !tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                tags.Add(tag);
            }
        }

        var legal = added is null ? string.Empty : string.Join("; ", added.LegalReferences);
        return new PackageDetails(
            Title: First(nuspec?.GetTitle(), manifest.Title, package.Id),
            Description: First(nuspec?.GetDescription(), manifest.Title),
            Summary: First(nuspec?.GetSummary(), legal),
            Authors: nuspec?.GetAuthors() ?? string.Empty,
            Tags: tags,
            ProjectUrl: Url(nuspec?.GetProjectUrl()),
            LicenseUrl: Url(nuspec?.GetLicenseUrl()),
            IconUrl: Url(nuspec?.GetIconUrl()),
            DependencyGroups: nuspec is null ? [] : [.. nuspec.GetDependencyGroups()]);
    }

    private static string First(params string?[] values) =>
        values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim() ?? string.Empty;

    private static string? Url(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
