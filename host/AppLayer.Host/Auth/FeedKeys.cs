using AppLayer.Core.Keys;
using AppLayer.Core.Releases;
using Microsoft.AspNetCore.Http;

namespace AppLayer.Host.Auth;

/// <summary>
/// A feed read's key, checked as <see cref="ApiKeyAuthenticationHandler"/> checks it (the same
/// <see cref="ApiKeyService.AuthenticateAsync"/>: unknown, revoked and expired keys are refused, a
/// revocation by any process counts at once), and what of the feed it sees, as <see cref="FeedCallers"/>
/// decides it for the authenticated user, without building a principal. For <see cref="Http.FeedShortcut"/>.
/// </summary>
internal sealed class FeedKeys(ApiKeyService keys, SiteCustomers customers)
{
    /// <returns>
    /// What the request's key may see; <c>null</c> when the request has no valid key, or a site key whose
    /// installation has no customer now (the routed endpoints answer those: 401, or as they decide).
    /// </returns>
    public async ValueTask<FeedCaller?> CallerAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (PresentedKey.From(request) is not { } presented || await keys.AuthenticateAsync(presented, cancellationToken) is not { } key)
        {
            return null;
        }

        if (key.Scope.ToName() != KeyScopeNames.Site)
        {
            return FeedCaller.Everyone;
        }

        return key.InstallationId is { } installation && await customers.CustomerOfAsync(installation, cancellationToken) is { } customer
            ? new FeedCaller(false, customer)
            : null;
    }
}
