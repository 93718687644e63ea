namespace AppLayer.Protocol.NuGet;

/// <summary>
/// One version of a package as NuGet's registration and search resources show it: what its nuspec (and
/// update manifest) says, whether it is listed and when it was published. <see cref="Version"/> is normalized.
/// </summary>
public sealed record NuGetPackage(
    string Id,
    string Version,
    bool Listed,
    DateTimeOffset PublishedAt,
    string Title,
    string Description,
    string Summary,
    string Authors,
    IReadOnlyList<string> Tags,
    string? ProjectUrl,
    string? LicenseUrl,
    string? IconUrl,
    IReadOnlyList<NuGetDependencyGroup> DependencyGroups);
