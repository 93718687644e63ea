using System.Security.Claims;
using AppLayer.Core.Keys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AppLayer.Host.Dashboard;

/// <summary>
/// A dashboard session lasts only as long as the key it was signed in with: every request looks the key up again
/// (by its hash, carried in the encrypted cookie) through the same cached key store as the API, which sees any
/// commit (a revocation by the API or by <c>applayer keys revoke</c>) before the next lookup. A revoked or expired
/// key ends the session with a 401 and the sign-in form.
/// </summary>
internal static class DashboardKeySession
{
    public const string KeyHashClaim = "applayer:key-hash";

    private const string Ended = "applayer:dashboard-key-ended";

    public static Claim Claim(string presentedKey) => new(KeyHashClaim, ApiKeys.Hash(presentedKey));

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var hash = context.Principal?.FindFirstValue(KeyHashClaim);
        var services = context.HttpContext.RequestServices;
        var stored = hash is null ? null : await services.GetRequiredService<IApiKeyStore>().FindByHashAsync(hash, context.HttpContext.RequestAborted);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (stored is null || stored.Info.Revoked || stored.Info.ExpiresAt <= now)
        {
            context.RejectPrincipal();
            context.HttpContext.Items[Ended] = true;
            await context.HttpContext.SignOutAsync(DashboardDefaults.Scheme);
        }
    }

    public static async Task RedirectToSignInAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (context.HttpContext.Items.ContainsKey(Ended))
        {
            await SignInEndpoints.Form(null, "Your key was revoked or has expired; sign in again with a valid key.").ExecuteAsync(context.HttpContext);
            return;
        }

        context.Response.Redirect(context.RedirectUri);
    }
}
