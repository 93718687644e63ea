namespace AppLayer.Protocol.Offline;

/// <summary>
/// Where things are inside an offline bundle (a zip): <c>bundle.json</c>, the signed TUF metadata in
/// <c>tuf/</c>, one update listing per installation in <c>listings/{installation}.json</c> and the
/// packages in <c>packages/{id}.{version}.nupkg</c> (lower case, normalised version).
/// </summary>
public static class OfflineBundleLayout
{
    /// <summary>The bundle format this code writes and reads.</summary>
    public const int Format = 1;

    /// <summary>The format of an exported report file.</summary>
    public const int ReportFormat = 1;

    public const string ManifestEntry = "bundle.json";

    public const string MetadataFolder = "tuf/";

    public const string ListingsFolder = "listings/";

    public const string PackagesFolder = "packages/";

    public static string ListingEntry(string installation) => ListingsFolder + installation.ToLowerInvariant() + ".json";

    public static string PackageEntry(string id, string normalizedVersion) =>
        PackagesFolder + $"{id}.{normalizedVersion}.nupkg".ToLowerInvariant();
}
