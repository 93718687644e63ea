using System.Security.Claims;

namespace AppLayer.Host.Auth;

internal static class CallerExtensions
{
    /// <summary>The installation a site key belongs to.</summary>
    public static long InstallationId(this ClaimsPrincipal user) =>
        long.Parse(
            user.FindFirst(AppLayerClaims.Installation)?.Value
                ?? throw new InvalidOperationException("Only a site key belongs to an installation."),
            CultureInfo.InvariantCulture);
}
