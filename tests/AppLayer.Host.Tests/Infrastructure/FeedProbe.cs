using System.Security.Cryptography;
using NuGet.Common;
using NuGet.Configuration;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;
using NuGet.Versioning;

namespace AppLayer.Host.Tests.Infrastructure;

/// <summary>
/// Reads a feed with NuGet.Protocol's own resources (metadata, versions, download, search) and
/// writes what it sees as lines, so two feeds (the host and its static copy) can be compared.
/// </summary>
public static class FeedProbe
{
    public static SourceRepository Repository(string indexUrl, string? key) =>
        NuGet.Protocol.Core.Types.Repository.Factory.GetCoreV3(new PackageSource(indexUrl, "probe")
        {
            AllowInsecureConnections = true,
            Credentials = key is null ? null : new PackageSourceCredential("probe", "anyone", key, isPasswordClearText: true, validAuthenticationTypesText: null),
        });

    /// <summary>Searches: term, prerelease, skip, take.</summary>
    public static readonly (string Term, bool Prerelease, int Skip, int Take)[] Searches =
        [("", false, 0, 20), ("vat", false, 0, 20), ("vat", true, 0, 20), ("", true, 1, 1), ("nothing-like-this", true, 0, 20)];

    /// <summary>The searches a static copy can answer: only the first page.</summary>
    public static readonly (string Term, bool Prerelease, int Skip, int Take)[] StaticSearches =
        [("", false, 0, 20), ("", true, 0, 20), ("vat", false, 0, 20), ("vat", true, 0, 20), ("cz", true, 0, 20)];

    public static async Task<IReadOnlyList<string>> DescribeAsync(SourceRepository feed, IReadOnlyList<string> ids, (string Term, bool Prerelease, int Skip, int Take)[]? searches = null)
    {
        var lines = new List<string>();
        using var cache = new SourceCacheContext { NoCache = true, DirectDownload = true };
        var metadata = (await feed.GetResourceAsync<PackageMetadataResource>())!;
        var find = (await feed.GetResourceAsync<FindPackageByIdResource>())!;
        var search = (await feed.GetResourceAsync<PackageSearchResource>())!;
        foreach (var id in ids)
        {
            foreach (var unlisted in new[] { true, false })
            {
                var all = await metadata.GetMetadataAsync(id, includePrerelease: true, includeUnlisted: unlisted, cache, NullLogger.Instance, CancellationToken.None);
                lines.Add($"metadata {id} unlisted={unlisted}: " + string.Join(", ", all.OrderBy(m => m.Identity.Version).Select(m => $"{m.Identity.Version.ToNormalizedString()} listed={m.IsListed} title={m.Title}")));
            }

            var versions = (await find.GetAllVersionsAsync(id, cache, NullLogger.Instance, CancellationToken.None)).Order().ToList();
            lines.Add($"versions {id}: " + string.Join(", ", versions.Select(v => v.ToNormalizedString())));
            foreach (var version in versions)
            {
                using var copy = new MemoryStream();
                var found = await find.CopyNupkgToStreamAsync(id, version, copy, cache, NullLogger.Instance, CancellationToken.None);
                lines.Add($"download {id} {version.ToNormalizedString()}: found={found} sha512={Convert.ToBase64String(SHA512.HashData(copy.ToArray()))}");
            }
        }

        foreach (var (term, prerelease, skip, take) in searches ?? Searches)
        {
            var hits = await search.SearchAsync(term, new SearchFilter(prerelease), skip, take, NullLogger.Instance, CancellationToken.None);
            var described = new List<string>();
            foreach (var hit in hits)
            {
                var hitVersions = await hit.GetVersionsAsync();
                described.Add($"{hit.Identity.Id} {hit.Identity.Version.ToNormalizedString()} [{string.Join(" ", hitVersions.Select(v => v.Version.ToNormalizedString()).Order())}]");
            }

            lines.Add($"search '{term}' prerelease={prerelease} skip={skip} take={take}: " + string.Join("; ", described));
        }

        return lines;
    }

    public static NuGetVersion V(string version) => NuGetVersion.Parse(version);
}
