using AppLayer.Core;
using AppLayer.Storage;

namespace AppLayer.Host.Auth;

/// <summary>
/// The customer of a site key's installation, which decides what of the feed it sees; kept while the
/// database is unchanged, so a site's download costs no query for it.
/// </summary>
internal sealed class SiteCustomers(SiteService sites, DatabaseChanges changes)
{
    private readonly StampedCache<long, string> _customers = new(changes);

    /// <returns>The customer's code, or <c>null</c> when the installation or its customer no longer exists.</returns>
    public Task<string?> CustomerOfAsync(long installationId, CancellationToken cancellationToken) =>
        _customers.GetAsync(installationId, LoadAsync, cancellationToken);

    private async Task<string?> LoadAsync(long installationId, CancellationToken cancellationToken)
    {
        try
        {
            return (await sites.IdentifyAsync(installationId, cancellationToken)).Customer;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
