namespace AppLayer.Core.Releases;

/// <summary>Whether a package is listed. Unlisting (NuGet's delete) keeps the package and its version taken.</summary>
public interface IPackageListingStore
{
    /// <returns><c>false</c> when there is no such package.</returns>
    Task<bool> UnlistAsync(string id, string version, DateTimeOffset at, CancellationToken cancellationToken);

    /// <returns>The unlisted packages as lower-case <c>id/version</c> keys.</returns>
    Task<IReadOnlySet<string>> ListUnlistedAsync(CancellationToken cancellationToken);

    public static string Key(string id, string version) => $"{id}/{version}".ToLowerInvariant();
}
