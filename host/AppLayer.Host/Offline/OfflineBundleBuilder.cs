using System.IO.Compression;
using System.Text.Json;
using AppLayer.Core;
using AppLayer.Core.Releases;
using AppLayer.Core.Rollouts;
using AppLayer.Feed;
using AppLayer.Feed.Protocol;
using AppLayer.Feed.Storage;
using AppLayer.Feed.Tuf;
using AppLayer.Host.Endpoints;
using AppLayer.Protocol.Offline;

namespace AppLayer.Host.Offline;

/// <summary>
/// Packs an offline bundle for one customer (layout: <see cref="OfflineBundleLayout"/>): the feed's
/// signed metadata as served (<see cref="BundleMetadata"/>), one listing per installation exactly as
/// <c>/api/site/updates</c> would answer its agent, and the packages those listings name. Only
/// legislative updates and the customer's own bespoke ones can be in it.
/// </summary>
internal sealed class OfflineBundleBuilder(
    ICustomerStore customers,
    IInstallationStore installations,
    FeedQuery query,
    UpdateCatalog catalog,
    ReleaseGateService gates,
    UpdateHoldService holds,
    RolloutService rollouts,
    TufRepository tuf,
    IPackageFileStore files,
    TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <returns>The bundle's manifest; the zip is written to <paramref name="output"/>.</returns>
    /// <exception cref="NotFoundException">No such customer.</exception>
    /// <exception cref="UserException">The feed has no signed metadata, or the customer no installation.</exception>
    public async Task<OfflineBundleManifest> WriteAsync(string customerCode, Stream output, CancellationToken cancellationToken)
    {
        var customer = await customers.FindAsync(customerCode, cancellationToken)
            ?? throw new NotFoundException($"Customer '{customerCode}' does not exist.");
        if (!tuf.IsInitialized)
        {
            throw new UserException("The feed has no signed metadata yet; a bundle cannot be verified without it.");
        }

        var sites = await installations.ListByCustomerAsync(customer.Id, cancellationToken);
        if (sites.Count == 0)
        {
            throw new UserException($"Customer '{customer.Code}' has no installation to make a bundle for.");
        }

        var caller = new FeedCaller(SeesAll: false, CustomerCode: customer.Code);
        var listings = new SortedDictionary<string, IReadOnlyList<AvailableUpdateDto>>(StringComparer.Ordinal);
        foreach (var installation in sites)
        {
            listings[installation.Code] = await SiteUpdateListing.ForAsync(installation, caller, query, catalog, gates, holds, rollouts, cancellationToken);
        }

        var packages = listings.Values.SelectMany(l => l)
            .DistinctBy(u => OfflineBundleLayout.PackageEntry(u.Id, FeedVersions.NormalizeOrThrow(u.Version)))
            .OrderBy(u => u.Id, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var metadataNames = BundleMetadata.FileNames(customer.Code, Directory.GetFiles(tuf.MetadataDirectory, "*.json").Select(Path.GetFileName)!);
        var manifest = new OfflineBundleManifest(
            OfflineBundleLayout.Format,
            customer.Code,
            time.GetUtcNow(),
            metadataNames,
            [.. listings.Keys],
            [.. packages.Select(p => OfflineBundleLayout.PackageEntry(p.Id, FeedVersions.NormalizeOrThrow(p.Version)))]);

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Add(zip, OfflineBundleLayout.ManifestEntry, JsonSerializer.SerializeToUtf8Bytes(manifest, Json));
        foreach (var name in metadataNames)
        {
            var bytes = await tuf.ReadAsync(name, cancellationToken)
                ?? throw new InvalidOperationException($"The feed's metadata {name} is missing.");
            Add(zip, OfflineBundleLayout.MetadataFolder + name, bytes);
        }

        foreach (var (installation, listing) in listings)
        {
            Add(zip, OfflineBundleLayout.ListingEntry(installation), JsonSerializer.SerializeToUtf8Bytes(listing, Json));
        }

        foreach (var package in packages)
        {
            var version = FeedVersions.NormalizeOrThrow(package.Version);
            await using var source = files.OpenNupkg(package.Id, version)
                ?? throw new InvalidOperationException($"{package.Id} {version} has a row but no file in the feed.");
            var entry = zip.CreateEntry(OfflineBundleLayout.PackageEntry(package.Id, version), CompressionLevel.NoCompression);
            await using var target = entry.Open();
            await source.CopyToAsync(target, cancellationToken);
        }

        return manifest;
    }

    private static void Add(ZipArchive zip, string name, byte[] bytes)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(bytes);
    }
}
