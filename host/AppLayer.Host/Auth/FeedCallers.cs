using System.Security.Claims;
using AppLayer.Core.Keys;
using AppLayer.Core.Releases;

namespace AppLayer.Host.Auth;

/// <summary>Turns the authenticated key into what it may see of the feed.</summary>
internal static class FeedCallers
{
    public static async Task<FeedCaller> ResolveAsync(ClaimsPrincipal user, SiteService sites, CancellationToken cancellationToken)
    {
        if (user.FindFirst(AppLayerClaims.Scope)?.Value != KeyScopeNames.Site)
        {
            return FeedCaller.Everyone;
        }

        if (user.FindFirst(AppLayerClaims.Customer)?.Value is { } customer)
        {
            return new FeedCaller(false, customer);
        }

        var identity = await sites.IdentifyAsync(user.InstallationId(), cancellationToken);
        return new FeedCaller(false, identity.Customer);
    }
}
