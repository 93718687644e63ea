using System.Text;
using System.Text.Json;
using AppLayer.Core;
using AppLayer.Core.Releases;
using AppLayer.Feed;
using AppLayer.Feed.Integrity;
using AppLayer.Feed.Protocol;
using AppLayer.Feed.Storage;
using AppLayer.Feed.Tuf;
using AppLayer.Protocol.NuGet;
using AppLayer.Protocol.Tuf;

namespace AppLayer.Host;

/// <summary>
/// <c>applayer feed export DIR</c>: the feed as static files under the URLs the host serves
/// (<c>v3/index.json</c>, flat container, registrations, search answers, <c>tuf/</c>), for any
/// static web server. Only packages every tenant may see are exported, and only the top-level
/// metadata (not the per-customer delegated roles); trust still comes from the signed metadata,
/// not from the server.
/// </summary>
public static class FeedExport
{
    /// <summary>Search answers are files: <c>v3/search/p-{true|false}/q-{term}.json</c> for the empty term and every lower-case prefix (2+ characters) of an id's dot-separated parts.</summary>
    public const string SearchLayout = "v3/search/p-{prerelease}/q-{q}.json";

    /// <param name="customer">
    /// When given, a copy for that customer's sites: also its bespoke packages (under their NuGet paths
    /// and their target paths <c>customer-{code}/...</c>) and its delegated role <c>customer-{code}.json</c>.
    /// </param>
    /// <returns>The number of packages exported.</returns>
    /// <exception cref="UserException">No data folder, no signed metadata, or a bad base URL.</exception>
    public static async Task<int> ExportAsync(string dataDirectory, string targetDirectory, string baseUrl, CancellationToken cancellationToken = default, string? customer = null) =>
        (await ExportOnceAsync(new FeedExportRequest(dataDirectory, targetDirectory, baseUrl, customer), cancellationToken)).Packages;

    /// <summary>
    /// One export: first every online role of the feed is made fresh (signed again where less than
    /// the configured part of its lifetime is left, as the host does), and with
    /// <see cref="FeedExportRequest.TimestampLifetime"/> a new timestamp version of that lifetime is signed;
    /// then the files are written, the metadata last and each atomically, in the order a reader needs
    /// (root chain, delegated role, targets, snapshot, timestamp).
    /// </summary>
    /// <exception cref="UserException">No data folder, no signed metadata, a bad base URL or a bad lifetime.</exception>
    public static async Task<FeedExportResult> ExportOnceAsync(FeedExportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (dataDirectory, targetDirectory, baseUrl, customer) = (request.DataDirectory, request.TargetDirectory, request.BaseUrl, request.Customer);
        if (string.IsNullOrWhiteSpace(dataDirectory) || !Directory.Exists(dataDirectory))
        {
            throw new UserException($"data folder '{dataDirectory}' does not exist.");
        }

        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var root) || (root.Scheme != Uri.UriSchemeHttp && root.Scheme != Uri.UriSchemeHttps))
        {
            throw new UserException($"base URL '{baseUrl}' is not an absolute http(s) URL (where the copy will be served).");
        }

        var provider = await FeedSigning.BuildAsync(dataDirectory, cancellationToken, request.Time);
        await using (provider)
        {
            var tuf = provider.GetRequiredService<TufRepository>();
            if (!tuf.IsInitialized)
            {
                throw new UserException("the feed has no signed metadata yet; run 'applayer keys init' (or start the host once).");
            }

            var signed = request.TimestampLifetime is { } lifetime
                ? await tuf.SignTimestampAsync(lifetime, cancellationToken)
                : await tuf.RefreshAsync(cancellationToken);

            var site = root.AbsoluteUri.TrimEnd('/');
            var target = Path.GetFullPath(targetDirectory);
            var query = provider.GetRequiredService<FeedQuery>();
            var files = provider.GetRequiredService<IPackageFileStore>();
            var everyone = new FeedCaller(SeesAll: false, CustomerCode: string.IsNullOrWhiteSpace(customer) ? null : customer.Trim());
            var role = everyone.CustomerCode is { } code ? TufDelegations.RoleFor(code) : null;
            var packages = await query.AllAsync(everyone, cancellationToken);

            // Nothing is written while a package the copy would carry is not the file the feed signed.
            var integrity = provider.GetRequiredService<PackageIntegrity>();
            var damaged = new List<DamagedPackage>();
            foreach (var package in packages)
            {
                if (await integrity.CheckAsync(package.Package, cancellationToken) is { } found)
                {
                    damaged.Add(found);
                }
            }

            if (damaged.Count > 0)
            {
                throw new UserException($"nothing exported: {damaged.Count} stored package(s) are damaged ({string.Join("; ", damaged)}); run 'applayer feed verify' and push them again from their source.");
            }

            Write(target, "v3/index.json", JsonSerializer.SerializeToUtf8Bytes(ServiceIndex.For(site) with { Resources = [.. ServiceIndex.For(site).Resources.Where(r => !r.Type.StartsWith("PackagePublish", StringComparison.Ordinal))] }, JsonSerializerOptions.Web));
            foreach (var versions in packages.GroupBy(p => p.Package.Id.ToLowerInvariant()).Select(g => g.ToList()))
            {
                var id = versions[0].Package.Id.ToLowerInvariant();
                Write(target, $"v3/flatcontainer/{id}/index.json", JsonSerializer.SerializeToUtf8Bytes(new { versions = versions.Select(v => v.Version.ToNormalizedString().ToLowerInvariant()) }));
                Write(target, $"v3/registration/{id}/index.json", Encoding.UTF8.GetBytes(NuGetDocuments.RegistrationIndex(site, [.. versions.Select(v => v.ToNuGet())]).ToJsonString()));
                foreach (var version in versions)
                {
                    var normalized = version.Version.ToNormalizedString();
                    var lower = normalized.ToLowerInvariant();
                    Write(target, $"v3/registration/{id}/{lower}.json", Encoding.UTF8.GetBytes(NuGetDocuments.RegistrationLeaf(site, version.ToNuGet()).ToJsonString()));
                    await CopyAsync(files.OpenNupkg(version.Package.Id, normalized), Path.Combine(target, "v3", "flatcontainer", TufTargetPaths.For(id, normalized)), cancellationToken);
                    await CopyAsync(files.OpenNuspec(version.Package.Id, normalized), Path.Combine(target, "v3", "flatcontainer", id, lower, id + ".nuspec"), cancellationToken);
                    if (role is not null && version.Package is { Kit: false, Manifest.Customer: not null })
                    {
                        await CopyAsync(files.OpenNupkg(version.Package.Id, normalized), Path.Combine(target, "v3", "flatcontainer", TufDelegations.TargetPath(role, id, normalized)), cancellationToken);
                    }
                }
            }

            foreach (var term in SearchTerms(packages))
            {
                foreach (var prerelease in new[] { false, true })
                {
                    var (total, page) = await query.SearchAsync(term, 0, 1000, prerelease, everyone, cancellationToken);
                    var path = SearchLayout.Replace("{prerelease}", prerelease ? "true" : "false", StringComparison.Ordinal).Replace("{q}", term, StringComparison.Ordinal);
                    Write(target, path, Encoding.UTF8.GetBytes(NuGetDocuments.Search(site, total, [.. page.Select(g => (IReadOnlyList<NuGetPackage>)[.. g.Select(v => v.ToNuGet())])]).ToJsonString()));
                }
            }

            // A static server cannot tell tenants apart: the delegated customer-*.json roles stay on the host, but for the one customer the copy is for.
            // A reader in between sees old or new files whole, and never a timestamp before the snapshot it names.
            var validUntil = DateTimeOffset.MaxValue;
            var names = Directory.GetFiles(tuf.MetadataDirectory, "*.json")
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(n => !TufDelegations.IsRoleName(Path.GetFileNameWithoutExtension(n)) || Path.GetFileNameWithoutExtension(n) == role)
                .OrderBy(MetadataOrder)
                .ThenBy(n => n, StringComparer.Ordinal);
            foreach (var name in names)
            {
                if (tuf.Serve(name) is not { } file)
                {
                    continue;
                }

                WriteAtomic(target, "tuf/" + name, file.Bytes);
                if (name is "root.json" or "targets.json" or "snapshot.json" or "timestamp.json" || name == role + ".json")
                {
                    var expires = TufDocument.Parse(file.Bytes, name == "root.json" ? TufRoles.Root : name == "snapshot.json" ? TufRoles.Snapshot : name == "timestamp.json" ? TufRoles.Timestamp : TufRoles.Targets).Expires;
                    validUntil = expires < validUntil ? expires : validUntil;
                }
            }

            return new FeedExportResult(packages.Count, validUntil, signed);
        }
    }

    /// <summary>
    /// <c>feed export --watch</c>: exports now, then again every <paramref name="interval"/> and always
    /// before half the time the copy is valid for has passed (so its timestamp never runs out while the
    /// watch runs), logging each round, until <paramref name="cancellationToken"/> (Ctrl+C) stops it.
    /// A failed round is logged and tried again after a minute (at most the interval); a user's mistake
    /// in the first round ends the watch.
    /// </summary>
    /// <param name="rounds">Told of each finished round (tests wait on it).</param>
    public static async Task WatchAsync(FeedExportRequest request, TimeSpan interval, ILogger logger, CancellationToken cancellationToken, Action<FeedExportResult>? rounds = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(logger);
        if (interval < TimeSpan.FromSeconds(1))
        {
            throw new UserException($"a watch interval of {interval} is too short; give at least one second (e.g. --interval 01:00:00).");
        }

        var time = request.Time ?? TimeProvider.System;
        var round = 0;
        FeedExportLog.Watching(logger, Path.GetFullPath(request.TargetDirectory), interval);
        while (!cancellationToken.IsCancellationRequested)
        {
            round++;
            TimeSpan wait;
            try
            {
                var result = await ExportOnceAsync(request, cancellationToken);
                foreach (var signed in result.Signed)
                {
                    FeedExportLog.Signed(logger, signed.File, signed.Version, signed.Expires);
                }

                var now = time.GetUtcNow();
                wait = (result.ValidUntil - now) / 2;
                wait = wait < interval ? wait : interval;
                wait = wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
                FeedExportLog.Exported(logger, round, result.Packages, result.ValidUntil, now + wait);
                rounds?.Invoke(result);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (UserException) when (round == 1)
            {
                throw;
            }
            catch (Exception ex)
            {
                wait = interval < TimeSpan.FromMinutes(1) ? interval : TimeSpan.FromMinutes(1);
                FeedExportLog.Failed(logger, ex, round, wait);
            }

            try
            {
                await Task.Delay(wait, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        FeedExportLog.Stopped(logger, round);
    }

    private static int MetadataOrder(string name) => name switch
    {
        "root.json" => 1,
        "targets.json" => 3,
        "snapshot.json" => 4,
        "timestamp.json" => 5,
        _ when name.EndsWith(".root.json", StringComparison.Ordinal) => 0,
        _ => 2,
    };

    private static IEnumerable<string> SearchTerms(IEnumerable<ListedPackage> packages)
    {
        var terms = new SortedSet<string>(StringComparer.Ordinal) { string.Empty };
        foreach (var id in packages.Select(p => p.Package.Id.ToLowerInvariant()).Distinct())
        {
            foreach (var part in id.Split('.').Append(id))
            {
                for (var length = 2; length <= part.Length; length++)
                {
                    terms.Add(part[..length]);
                }
            }
        }

        return terms;
    }

    private static void Write(string root, string relative, byte[] bytes)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private static void WriteAtomic(string root, string relative, byte[] bytes)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }

    private static async Task CopyAsync(Stream? source, string path, CancellationToken cancellationToken)
    {
        if (source is null)
        {
            throw new InvalidOperationException($"{path} has a row but no file in the feed.");
        }

        await using (source)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using var target = File.Create(path);
            await source.CopyToAsync(target, cancellationToken);
        }
    }
}
