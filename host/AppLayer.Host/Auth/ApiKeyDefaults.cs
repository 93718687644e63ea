using AppLayer.Core.Keys;
using AppLayer.Core.ServiceDesk;

namespace AppLayer.Host.Auth;

/// <summary>Names for API key authentication: the scheme, where the key comes from and the authorization policies. Its claims are <see cref="AppLayerClaims"/>.</summary>
internal static class ApiKeyDefaults
{
    /// <summary>The authentication scheme, also the word of the <c>WWW-Authenticate</c> challenge.</summary>
    public const string Scheme = "ApiKey";

    /// <summary>The challenge's realm.</summary>
    public const string Realm = "AppLayer";

    /// <summary>The header NuGet clients send the key in (<c>dotnet nuget push --api-key</c>).</summary>
    public const string NuGetApiKeyHeader = "X-NuGet-ApiKey";

    /// <summary>Any valid key (reading the feed).</summary>
    public const string AnyKeyPolicy = "any-key";

    /// <summary>A publish or a manager key.</summary>
    public const string PublishPolicy = KeyScopeNames.Publish;

    /// <summary>A manager key.</summary>
    public const string ManagerPolicy = KeyScopeNames.Manager;

    /// <summary>A site key.</summary>
    public const string SitePolicy = KeyScopeNames.Site;
}
