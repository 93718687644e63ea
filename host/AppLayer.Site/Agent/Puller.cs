using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;
using AppLayer.Protocol.Tuf;
using AppLayer.Site.Packages;
using AppLayer.Site.Trust;
using NuGet.Versioning;

namespace AppLayer.Site.Agent;

/// <summary>
/// First verifies the feed's signed TUF metadata from the pinned root; then downloads each listed
/// update that is neither applied nor cached, stops reading at the length the signed targets
/// declare, checks length and SHA-512 against them while it is still a temporary file, and only
/// then moves it into the cache. A metadata failure stops the whole pull; an update that cannot be
/// verified on its own (not signed, its delegated role not served, not served, other bytes) is
/// skipped with its reason, recorded in <see cref="SitePaths.Skipped"/> and reported once as
/// failed, and the others are taken.
/// </summary>
internal sealed class Puller
{
    private readonly SitePaths _paths;
    private readonly SiteDatabase _database;
    private readonly TextWriter _output;
    private readonly SiteAgentOptions _options;

    public Puller(SitePaths paths, SiteDatabase database, TextWriter output, SiteAgentOptions options)
    {
        _paths = paths;
        _database = database;
        _output = output;
        _options = options;
    }

    /// <exception cref="Protocol.Tuf.TufException">The signed metadata did not verify; nothing was downloaded.</exception>
    public async Task<PullResult> PullAsync(Enrollment enrollment, AppLayerClient client, CancellationToken cancellationToken)
    {
        var trust = new TrustStore(_paths.Trust);
        var source = trust.Feed ?? enrollment.Host;
        SiteLog.PullStarted(_options.Logger, enrollment.Installation, source);
        var updates = new List<AvailableUpdateDto>();
        var skipped = new List<(SkippedUpdate Skip, bool Reportable)>();
        var listingCache = new ListingCache(Path.Combine(_paths.Root, "listing"));
        var applied = await _database.ReadAppliedAsync(cancellationToken);
        var alreadyApplied = 0;
        UpdatesAnswer listing;
        using (var metadata = new MetadataClient(source, enrollment.Key, _options.MetadataTimeout))
        {
            var updater = new TufUpdater(trust, metadata, _options.Clock);
            var signed = await updater.RefreshAsync(cancellationToken);
            listing = await client.GetUpdatesAsync(listingCache.Read(), cancellationToken);
            if (listing.NotModified)
            {
                await _output.WriteLineAsync($"listing unchanged since the last poll (304 Not Modified): {listing.Updates.Count} updates as stored");
            }

            foreach (var update in listing.Updates)
            {
                NuGetVersion version;
                try
                {
                    version = ParseListing(update);
                }
                catch (UserException ex)
                {
                    skipped.Add((Skip(update, ex.Message), false));
                    continue;
                }

                if (applied.TryGetValue(update.Id, out var done) && done >= version)
                {
                    // In the IS already: nothing of it is downloaded, so nothing needs verifying (a copy without its role is fine).
                    alreadyApplied++;
                    continue;
                }

                try
                {
                    updates.Add(await SignedAsync(update, signed, updater, enrollment.Customer, cancellationToken));
                }
                catch (Exception ex) when (ex is PackageIntegrityException or UnverifiableTargetException)
                {
                    skipped.Add((Skip(update, ex.Message), true));
                }
            }
        }

        var cache = new PackageCache(_paths.Packages);
        using var feed = new NuGetFeed(source, enrollment.Key, new NuGetLogger(_output));
        int downloaded = 0, cached = 0;
        foreach (var update in updates)
        {
            var version = ParseListing(update);
            if (cache.Contains(update))
            {
                cache.Relist(update);
                cached++;
            }
            else
            {
                try
                {
                    await DownloadAsync(feed, cache, update, version, cancellationToken);
                }
                catch (UserException ex) when (ex is not TufException and not HostUnreachableException)
                {
                    // Not served, too slow, or other bytes than signed: this update alone; nothing of it was kept.
                    skipped.Add((Skip(update, ex.Message), true));
                    continue;
                }

                SiteLog.Verified(_options.Logger, update.Id, version.ToNormalizedString(), update.Size);
                await _output.WriteLineAsync($"downloaded {update.Id} {version.ToNormalizedString()} ({update.Size:N0} bytes, SHA-512 verified)");
                downloaded++;
            }
        }

        if (!listing.NotModified && listing.ETag is not null)
        {
            listingCache.Write(listing.ETag, listing.Body);
        }

        await RecordSkipsAsync(skipped, cancellationToken);
        var skippedNote = skipped.Count > 0 ? $", {skipped.Count} SKIPPED (not verified)" : string.Empty;
        SiteLog.Pulled(_options.Logger, listing.Updates.Count, downloaded, cached, alreadyApplied, skipped.Count);
        await _output.WriteLineAsync($"pull: {listing.Updates.Count} listed, {downloaded} downloaded, {cached} already cached, {alreadyApplied} already in the IS{skippedNote}");
        return new PullResult(listing.Updates.Count, downloaded, cached, alreadyApplied) { Skipped = skipped.Select(s => s.Skip).ToList() };
    }

    private static SkippedUpdate Skip(AvailableUpdateDto update, string reason) =>
        new(update.Id, NuGetVersion.TryParse(update.Version, out var v) ? v.ToNormalizedString() : update.Version, update.Kind, update.Title, reason);

    /// <summary>
    /// One line per skipped update; the list replaces the last pull's; an update skipped now and not
    /// at the last pull becomes one failure report for the host (not one per poll).
    /// </summary>
    private async Task RecordSkipsAsync(List<(SkippedUpdate Skip, bool Reportable)> skipped, CancellationToken cancellationToken)
    {
        var list = new SkipList(_paths.Skipped);
        var before = list.Read();
        var outbox = new Reporting.Outbox(_paths.Outbox);
        foreach (var (skip, reportable) in skipped)
        {
            SiteLog.Skipped(_options.Logger, skip.Id, skip.Version, skip.Reason);
            await _output.WriteLineAsync($"SKIPPED {skip.Id} {skip.Version}: {skip.Reason}");
            var known = before.Any(b => string.Equals(b.Id, skip.Id, StringComparison.OrdinalIgnoreCase) && b.Version == skip.Version);
            if (reportable && !known)
            {
                await outbox.WriteAsync(
                    new DeploymentReportDto(Guid.NewGuid().ToString(), skip.Id, skip.Version, DeploymentStatus.Failed.ToName(), Truncate("skipped, not downloaded: " + skip.Reason), null, _options.Clock.GetUtcNow()),
                    cancellationToken);
            }
        }

        list.Write(skipped.Select(s => s.Skip).ToList());
    }

    private static string Truncate(string message) => message.Length <= 4000 ? message : message[..3997] + "...";

    private async Task DownloadAsync(NuGetFeed feed, PackageCache cache, AvailableUpdateDto update, NuGetVersion version, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_paths.Incoming);
        var temporary = Path.Combine(_paths.Incoming, Guid.NewGuid().ToString("N") + ".download");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await feed.DownloadAsync(update.Id, version, new LimitedWriteStream(file, update.Size, $"{update.Id} {update.Version} as downloaded"), _options.DownloadTimeout, cancellationToken);
            }

            await PackageHash.VerifyAsync(temporary, $"{update.Id} {update.Version} as downloaded", update.Size, update.Sha512, cancellationToken);
            cache.Add(temporary, update);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <returns>The listing with the length and SHA-512 of the signed targets, which are what the bytes must match.</returns>
    /// <remarks>A legislative update is signed in the top-level targets; a bespoke one in this customer's delegated role.</remarks>
    internal static async Task<AvailableUpdateDto> SignedAsync(AvailableUpdateDto update, VerifiedTargets signed, TufUpdater updater, string customer, CancellationToken cancellationToken)
    {
        var version = ParseListing(update);
        var path = TufTargetPaths.For(update.Id, version.ToNormalizedString());
        var bespoke = TufDelegations.TargetPath(TufDelegations.RoleFor(customer), update.Id, version.ToNormalizedString());
        var target = await updater.FindAsync(signed, path, cancellationToken) ?? await updater.FindAsync(signed, bespoke, cancellationToken)
            ?? throw new PackageIntegrityException($"the host lists {update.Id} {version.ToNormalizedString()} but the signed targets metadata has neither {path} nor {bespoke}; refused.");

        return update with { Size = target.Length, Sha512 = target.Sha512 };
    }

    internal static NuGetVersion ParseListing(AvailableUpdateDto update)
    {
        if (!PackageCache.IsValidId(update.Id) || !NuGetVersion.TryParse(update.Version, out var version))
        {
            throw new UserException($"the host listed an update with id '{update.Id}' and version '{update.Version}', which is not a package id and version.");
        }

        return version;
    }
}
