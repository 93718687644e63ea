using AppLayer.Core.Keys;
using Microsoft.AspNetCore.Authentication;

namespace AppLayer.Host.Auth;

internal static class AuthServiceCollectionExtensions
{
    /// <summary>API key authentication and one policy per scope (a manager key may also publish).</summary>
    public static IServiceCollection AddApiKeyAuth(this IServiceCollection services)
    {
        services.AddSingleton<SiteCustomers>();
        services.AddSingleton<FeedKeys>();
        services.AddAuthentication(ApiKeyDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyDefaults.AnyKeyPolicy, p => p.RequireAuthenticatedUser())
            .AddPolicy(ApiKeyDefaults.PublishPolicy, p => p.RequireClaim(AppLayerClaims.Scope, KeyScopeNames.Publish, KeyScopeNames.Manager))
            .AddPolicy(ApiKeyDefaults.ManagerPolicy, p => p.RequireClaim(AppLayerClaims.Scope, KeyScopeNames.Manager))
            .AddPolicy(ApiKeyDefaults.SitePolicy, p => p.RequireClaim(AppLayerClaims.Scope, KeyScopeNames.Site));
        return services;
    }
}
