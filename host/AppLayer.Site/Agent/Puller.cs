using AppLayer.Core;
using AppLayer.Core.Api;
using AppLayer.Site.Packages;
using NuGet.Versioning;

namespace AppLayer.Site.Agent;

/// <summary>
/// Downloads each listed update that is neither applied nor cached, checks its length and SHA-512
/// against the listing while it is still a temporary file, and only then moves it into the cache.
/// </summary>
internal sealed class Puller
{
    private readonly SitePaths _paths;
    private readonly SiteDatabase _database;
    private readonly TextWriter _output;

    public Puller(SitePaths paths, SiteDatabase database, TextWriter output)
    {
        _paths = paths;
        _database = database;
        _output = output;
    }

    /// <exception cref="PackageIntegrityException">A download's bytes differ from the listing; nothing of it is kept.</exception>
    public async Task<PullResult> PullAsync(Enrollment enrollment, HostClient client, CancellationToken cancellationToken)
    {
        var updates = await client.GetUpdatesAsync(cancellationToken);
        var applied = await _database.ReadAppliedAsync(cancellationToken);
        var cache = new PackageCache(_paths.Packages);
        var feed = new NuGetFeed(enrollment.Host, enrollment.Key, new NuGetLogger(_output));
        int downloaded = 0, cached = 0, alreadyApplied = 0;
        foreach (var update in updates)
        {
            var version = ParseListing(update);
            if (applied.TryGetValue(update.Id, out var done) && done >= version)
            {
                alreadyApplied++;
            }
            else if (cache.Contains(update))
            {
                cached++;
            }
            else
            {
                await DownloadAsync(feed, cache, update, version, cancellationToken);
                await _output.WriteLineAsync($"downloaded {update.Id} {version.ToNormalizedString()} ({update.Size:N0} bytes, SHA-512 verified)");
                downloaded++;
            }
        }

        await _output.WriteLineAsync($"pull: {updates.Count} listed, {downloaded} downloaded, {cached} already cached, {alreadyApplied} already in the IS");
        return new PullResult(updates.Count, downloaded, cached, alreadyApplied);
    }

    private async Task DownloadAsync(NuGetFeed feed, PackageCache cache, AvailableUpdateDto update, NuGetVersion version, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_paths.Incoming);
        var temporary = Path.Combine(_paths.Incoming, Guid.NewGuid().ToString("N") + ".download");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await feed.DownloadAsync(update.Id, version, file, cancellationToken);
            }

            await PackageHash.VerifyAsync(temporary, $"{update.Id} {update.Version} as downloaded", update.Size, update.Sha512, cancellationToken);
            cache.Add(temporary, update);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static NuGetVersion ParseListing(AvailableUpdateDto update)
    {
        if (!PackageCache.IsValidId(update.Id) || !NuGetVersion.TryParse(update.Version, out var version))
        {
            throw new UserException($"the host listed an update with id '{update.Id}' and version '{update.Version}', which is not a package id and version.");
        }

        return version;
    }
}
