using AppLayer.Core.Releases;
using AppLayer.Feed.Storage;
using NuGet.Packaging;

namespace AppLayer.Feed;

/// <summary>What the flat container (PackageBaseAddress/3.0.0) serves: version lists, nupkgs, nuspecs.</summary>
public sealed class PackageContentService(IPackageStore packages, IPackageFileStore files)
{
    /// <returns>The id's versions, lower case and normalised, oldest first; <c>null</c> when there are none.</returns>
    public async Task<IReadOnlyList<string>?> GetVersionsAsync(string id, CancellationToken cancellationToken)
    {
        if (!PackageIdValidator.IsValidPackageId(id))
        {
            return null;
        }

        var versions = await packages.ListVersionsAsync(id, cancellationToken);
        if (versions.Count == 0)
        {
            return null;
        }

        return [.. versions.Select(FeedVersions.Parse).Order().Select(v => v.ToNormalizedString().ToLowerInvariant())];
    }

    public Stream? OpenNupkg(string id, string version) =>
        Valid(id, version) is { } v ? files.OpenNupkg(id, v) : null;

    public Stream? OpenNuspec(string id, string version) =>
        Valid(id, version) is { } v ? files.OpenNuspec(id, v) : null;

    /// <returns>The nupkg's path (the file may be missing), or <c>null</c> for an invalid id or version.</returns>
    public string? NupkgPath(string id, string version) =>
        Valid(id, version) is { } v ? files.NupkgFilePath(id, v) : null;

    /// <returns>The nuspec's path (the file may be missing), or <c>null</c> for an invalid id or version.</returns>
    public string? NuspecPath(string id, string version) =>
        Valid(id, version) is { } v ? files.NuspecFilePath(id, v) : null;

    private static string? Valid(string id, string version) =>
        PackageIdValidator.IsValidPackageId(id) ? FeedVersions.Normalize(version) : null;
}
