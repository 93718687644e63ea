using AppLayer.Core.Releases;
using AppLayer.Core.Rollouts;
using AppLayer.Feed;
using AppLayer.Feed.Protocol;

namespace AppLayer.Host.Endpoints;

/// <summary>
/// The updates one installation may apply, as <c>GET /api/site/updates</c> lists them and an offline
/// bundle carries them: the packages its customer may see (legislative and its own bespoke ones),
/// listed, that its agreement entitles it to; the newest version of each. Gated releases carry the
/// installation's gate mark (rehearse only, or approved), so an offline site obeys the gate too. A version the
/// installation rolled back is left out while it is held, and carries the released rollback's id once released.
/// A version under a staged rollout is there only while the rollout runs and the installation's ring is open; during a
/// freeze only urgent legal updates are (otherwise the newest version they allow is listed).
/// </summary>
internal static class SiteUpdateListing
{
    public static async Task<IReadOnlyList<AvailableUpdateDto>> ForAsync(
        Installation installation,
        FeedCaller caller,
        FeedQuery query,
        UpdateCatalog catalog,
        ReleaseGateService gates,
        UpdateHoldService holds,
        RolloutService rollouts,
        CancellationToken cancellationToken)
    {
        var visible = (await query.AllAsync(caller, cancellationToken)).Where(p => p.Listed)
            .Select(p => IPackageListingStore.Key(p.Package.Id, p.Package.Version)).ToHashSet(StringComparer.Ordinal);
        var offered = await rollouts.OffersAsync(installation, cancellationToken);
        var updates = await catalog.ForInstallationAsync(installation, cancellationToken, p => visible.Contains(IPackageListingStore.Key(p.Id, p.Version)) && offered(p));
        return await holds.ApplyAsync(installation.Id, await gates.MarkAsync(installation.Id, updates, cancellationToken), cancellationToken);
    }
}
