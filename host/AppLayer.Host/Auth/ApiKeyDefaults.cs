using AppLayer.Core.Keys;
using AppLayer.Core.ServiceDesk;

namespace AppLayer.Host.Auth;

/// <summary>Names for API key authentication: the scheme, its claims and the authorization policies.</summary>
internal static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    public const string Realm = "AppLayer";
    public const string NuGetApiKeyHeader = "X-NuGet-ApiKey";

    public const string ScopeClaim = "applayer:scope";
    public const string InstallationClaim = "applayer:installation";
    public const string KeyIdClaim = "applayer:key";

    /// <summary>A site key's customer (what of the feed it sees), when its installation still has one.</summary>
    public const string CustomerClaim = "applayer:customer";

    /// <summary>Any valid key (reading the feed).</summary>
    public const string AnyKeyPolicy = "any-key";

    /// <summary>A publish or a manager key.</summary>
    public const string PublishPolicy = KeyScopeNames.Publish;

    public const string ManagerPolicy = KeyScopeNames.Manager;

    public const string SitePolicy = KeyScopeNames.Site;
}
