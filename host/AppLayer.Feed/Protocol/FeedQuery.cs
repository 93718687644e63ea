using System.Collections.Concurrent;
using System.Xml;
using AppLayer.Core.Releases;
using AppLayer.Feed.Storage;
using NuGet.Packaging;
using NuGet.Packaging.Core;

namespace AppLayer.Feed.Protocol;

/// <summary>
/// The packages one caller may see, for the flat container, registration and search resources and
/// unlisting. The list is read once and kept until <see cref="Invalidate"/> (a push or an unlist):
/// the host is the feed's only writer. <see cref="Generation"/> counts the changes, so answers rendered
/// from the list can be kept until it changes. What a package's nuspec says (<see cref="PackageDetails"/>)
/// is read once per id and version: packages are immutable.
/// </summary>
public sealed class FeedQuery(IPackageStore packages, IPackageListingStore listing, IPackageFileStore files, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, PackageDetails> _details = new(StringComparer.Ordinal);
    private volatile Task<Listing>? _all;
    private long _generation;

    /// <summary>Rises by one on every change of the feed (a push or an unlist) this host makes.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Forgets the kept list; the next read goes to the store.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _all = null;
    }

    /// <returns>The package the caller may see, or <c>null</c> (none, or another tenant's).</returns>
    public async Task<ListedPackage?> FindAsync(string id, string normalizedVersion, FeedCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return (await EverythingAsync(cancellationToken)).Of(id).FirstOrDefault(p =>
            p.Version.ToNormalizedString() == normalizedVersion && caller.CanSee(p.Package.Manifest));
    }

    /// <returns>Every version of <paramref name="id"/> the caller may see, oldest first (none: the id does not exist for them).</returns>
    public async Task<IReadOnlyList<ListedPackage>> VersionsAsync(string id, FeedCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return [.. (await EverythingAsync(cancellationToken)).Of(id).Where(p => caller.CanSee(p.Package.Manifest))];
    }

    /// <returns>Every package the caller may see, by id then version.</returns>
    public async Task<IReadOnlyList<ListedPackage>> AllAsync(FeedCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return [.. (await EverythingAsync(cancellationToken)).All.Where(p => caller.CanSee(p.Package.Manifest))];
    }

    /// <summary>
    /// Search as NuGet's SearchQueryService does: <paramref name="query"/> in id, title or description,
    /// listed packages only, the newest matching version of each id (stable only unless <paramref name="prerelease"/>).
    /// </summary>
    public async Task<(int TotalHits, IReadOnlyList<IReadOnlyList<ListedPackage>> Page)> SearchAsync(
        string? query, int skip, int take, bool prerelease, FeedCaller caller, CancellationToken cancellationToken)
    {
        var terms = (query ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var hits = (await AllAsync(caller, cancellationToken))
            .Where(p => p.Listed && (prerelease || !p.Version.IsPrerelease))
            .GroupBy(p => p.Package.Id, StringComparer.OrdinalIgnoreCase)
            .Where(g => terms.All(t => Matches(g.Last(), t)))
            .Select(g => (IReadOnlyList<ListedPackage>)[.. g])
            .ToList();
        return (hits.Count, [.. hits.Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 0, 1000))]);
    }

    /// <returns><c>false</c> when the caller sees no such package.</returns>
    public async Task<bool> UnlistAsync(string id, string version, FeedCaller caller, CancellationToken cancellationToken)
    {
        var normalized = FeedVersions.Normalize(version);
        if (normalized is null || !(await VersionsAsync(id, caller, cancellationToken)).Any(p => p.Version.ToNormalizedString() == normalized))
        {
            return false;
        }

        var unlisted = await listing.UnlistAsync(id, normalized, time.GetUtcNow(), cancellationToken);
        Invalidate();
        return unlisted;
    }

    private Task<Listing> EverythingAsync(CancellationToken cancellationToken)
    {
        var all = _all;
        if (all is null || all.IsFaulted || all.IsCanceled)
        {
            all = LoadAsync(cancellationToken);
            _all = all;
        }

        return all;
    }

    private async Task<Listing> LoadAsync(CancellationToken cancellationToken)
    {
        var unlisted = await listing.ListUnlistedAsync(cancellationToken);
        return new Listing([.. (await packages.ListWithKitAsync(cancellationToken))
            .Select(p => new ListedPackage(p, FeedVersions.Parse(p.Version), !unlisted.Contains(IPackageListingStore.Key(p.Id, p.Version)), Details(p)))
            .OrderBy(p => p.Package.Id, StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.Version)]);
    }

    private PackageDetails Details(FeedPackage package) =>
        _details.GetOrAdd(IPackageListingStore.Key(package.Id, package.Version), _ => PackageDetails.From(ReadNuspec(package), package));

    private NuspecReader? ReadNuspec(FeedPackage package)
    {
        try
        {
            using var stream = files.OpenNuspec(package.Id, package.Version);
            return stream is null ? null : new NuspecReader(stream);
        }
        catch (Exception ex) when (ex is XmlException or IOException or PackagingException or InvalidDataException)
        {
            // The nuspec was checked at push; one that cannot be read now leaves the manifest to speak.
            return null;
        }
    }

    private static bool Matches(ListedPackage package, string term) =>
        package.Package.Id.Contains(term, StringComparison.OrdinalIgnoreCase)
        || package.Package.Manifest.Title.Contains(term, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every package by id then version, and each id's versions, so a download looks up its id instead of scanning the feed.</summary>
    private sealed class Listing(IReadOnlyList<ListedPackage> all)
    {
        private readonly Dictionary<string, ListedPackage[]> _byId = all
            .GroupBy(p => p.Package.Id, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);

        public IReadOnlyList<ListedPackage> All { get; } = all;

        /// <returns>The versions of <paramref name="id"/>, oldest first; none when there is no such id.</returns>
        public IReadOnlyList<ListedPackage> Of(string id) => _byId.GetValueOrDefault(id) ?? [];
    }
}
