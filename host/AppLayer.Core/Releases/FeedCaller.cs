using AppLayer.Core.Customers;
using AppLayer.Sdk;

namespace AppLayer.Core.Releases;

/// <summary>
/// Who reads the feed: publishers and managers see every package; a site key sees the legislative
/// (customer-less) packages and the bespoke ones of its own customer only.
/// </summary>
public sealed record FeedCaller(bool SeesAll, string? CustomerCode)
{
    public static FeedCaller Everyone { get; } = new(true, null);

    public bool CanSee(UpdateManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return SeesAll || manifest.Customer is null || string.Equals(manifest.Customer, CustomerCode, StringComparison.OrdinalIgnoreCase);
    }
}
