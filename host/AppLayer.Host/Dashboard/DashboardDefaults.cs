namespace AppLayer.Host.Dashboard;

/// <summary>Names of the dashboard's cookie sign-in: scheme, policies, cookie, paths. Its claims are <see cref="Auth.AppLayerClaims"/>.</summary>
internal static class DashboardDefaults
{
    /// <summary>The cookie authentication scheme.</summary>
    public const string Scheme = "Dashboard";

    /// <summary>Anyone signed in: a manager, or a contact who sees only their customer's pages.</summary>
    public const string Policy = "dashboard";

    /// <summary>A manager signed in.</summary>
    public const string ManagerPolicy = "dashboard-manager";

    /// <summary>The sign-in cookie.</summary>
    public const string CookieName = "applayer.dashboard";

    /// <summary>Where the dashboard's pages start.</summary>
    public const string Root = "/dashboard";

    /// <summary>The sign-in page, where an anonymous browser is sent.</summary>
    public const string SignInPath = "/dashboard/sign-in";
}
