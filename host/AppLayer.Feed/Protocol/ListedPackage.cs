using AppLayer.Core.Releases;
using AppLayer.Protocol.NuGet;
using NuGet.Versioning;

namespace AppLayer.Feed.Protocol;

/// <summary>A package with its parsed version, whether it is listed, and what its nuspec says of it.</summary>
public sealed record ListedPackage(FeedPackage Package, NuGetVersion Version, bool Listed, PackageDetails Details)
{
    /// <summary>What NuGet's registration and search documents (<see cref="NuGetDocuments"/>) show of it.</summary>
    public NuGetPackage ToNuGet() => new(
        Package.Id,
        Version.ToNormalizedString(),
        Listed,
        Package.PublishedAt,
        Details.Title,
        Details.Description,
        Details.Summary,
        Details.Authors,
        Details.Tags,
        Details.ProjectUrl,
        Details.LicenseUrl,
        Details.IconUrl,
        [.. Details.DependencyGroups.Select(group => new NuGetDependencyGroup(
            group.TargetFramework.IsAny ? null : group.TargetFramework.GetShortFolderName(),
            [.. group.Packages.Select(d => new NuGetDependency(d.Id, d.VersionRange.ToNormalizedString()))]))]);
}
