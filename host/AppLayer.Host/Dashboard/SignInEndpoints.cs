using System.Security.Claims;
using AppLayer.Core.Keys;
using AppLayer.Core.ServiceDesk.Contacts;
using AppLayer.Host.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Routing;

namespace AppLayer.Host.Dashboard;

/// <summary>Sign in with an API key (a manager's or a customer contact's): the key is checked, then a cookie carries the session (checked again on each request: <see cref="DashboardKeySession"/>).</summary>
internal static class SignInEndpoints
{
    public static void Map(RouteGroupBuilder dashboard)
    {
        dashboard.MapGet("/sign-in", (string? returnUrl) => Form(returnUrl, null)).AllowAnonymous();
        dashboard.MapPost("/sign-in", SignInAsync).AllowAnonymous().DisableAntiforgery();
        dashboard.MapPost("/sign-out", async (HttpContext context) =>
        {
            await context.SignOutAsync(DashboardDefaults.Scheme);
            return Results.Redirect(DashboardDefaults.SignInPath, permanent: false, preserveMethod: false);
        }).DisableAntiforgery();
        dashboard.MapGet("/time-zone", SetZone);
    }

    /// <summary>Keeps the viewer's time zone in a cookie (a year) and goes back to the page; an unknown zone is a 400 page.</summary>
    private static IResult SetZone(string? zone, string? returnUrl, HttpContext context)
    {
        var found = ViewerZone.Find(zone) ?? throw new Protocol.UserException($"zone '{zone}' is not a time zone (e.g. Europe/Prague).");
        context.Response.Cookies.Append(ViewerZone.CookieName, found.Id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
            Path = DashboardDefaults.Root,
        });
        return Results.Redirect(Local(returnUrl), permanent: false, preserveMethod: false);
    }

    internal static HtmlPage Form(string? returnUrl, string? error) =>
        new("Sign in", "sign-in.html", new { ReturnUrl = Local(returnUrl), Error = error ?? string.Empty }, error is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized);

    private static async Task<IResult> SignInAsync(HttpContext context, ApiKeyService keys, ICustomerStore customers)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        var returnUrl = form?["returnUrl"].ToString();
        var key = await keys.AuthenticateAsync(form?["key"].ToString().Trim(), context.RequestAborted);
        var claims = new List<Claim>();
        if (key?.Scope == KeyScope.Manager)
        {
            claims.Add(new Claim(AppLayerClaims.Scope, KeyScopeNames.Manager));
        }
        else if (key is { Scope: KeyScope.Contact, CustomerId: { } customerId }
            && await customers.FindByIdAsync(customerId, context.RequestAborted) is { } customer)
        {
            claims.Add(new Claim(AppLayerClaims.Scope, KeyScopeNames.Contact));
            claims.Add(new Claim(AppLayerClaims.CustomerId, customerId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            claims.Add(new Claim(AppLayerClaims.Customer, customer.Code));
        }
        else
        {
            return Form(returnUrl, key is null
                ? "The key is unknown, revoked or expired."
                : "This key cannot sign in to the dashboard; use a manager key or a customer contact's key.");
        }

        claims.Add(DashboardKeySession.Claim(form!["key"].ToString().Trim()));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, DashboardDefaults.Scheme));
        await context.SignInAsync(DashboardDefaults.Scheme, principal);
        return Results.Redirect(Local(returnUrl), permanent: false, preserveMethod: false);
    }

    /// <summary>Only a path on this site may be returned to (no open redirect).</summary>
    private static string Local(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : DashboardDefaults.Root;
}
