using AppLayer.Core.Keys;
using AppLayer.Core.ServiceDesk.Contacts;
using AppLayer.Host.Auth;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AppLayer.Host.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>Cookie sign-in for the dashboard, its options (navigation) and the built-in customer-page sections.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddCookie(DashboardDefaults.Scheme, o =>
            {
                o.LoginPath = DashboardDefaults.SignInPath;
                o.ReturnUrlParameter = "returnUrl";
                o.Cookie.Name = DashboardDefaults.CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = DashboardKeySession.ValidateAsync;
                o.Events.OnRedirectToLogin = DashboardKeySession.RedirectToSignInAsync;
                o.Events.OnRedirectToAccessDenied = context =>
                    new HtmlPage("Forbidden", "error.html", new { Heading = "Forbidden", Message = "This page is for managers; you are signed in as a customer's contact." }, StatusCodes.Status403Forbidden)
                        .ExecuteAsync(context.HttpContext);
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(DashboardDefaults.Policy, p => p
                .AddAuthenticationSchemes(DashboardDefaults.Scheme)
                .RequireClaim(AppLayerClaims.Scope, KeyScopeNames.Manager, KeyScopeNames.Contact))
            .AddPolicy(DashboardDefaults.ManagerPolicy, p => p
                .AddAuthenticationSchemes(DashboardDefaults.Scheme)
                .RequireClaim(AppLayerClaims.Scope, KeyScopeNames.Manager));
        services.AddOptions<DashboardOptions>();
        services.AddSingleton<ICustomerSection, UpdatesPerMonthSection>();
        return services;
    }
}
