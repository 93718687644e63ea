namespace AppLayer.Host.Dashboard;

/// <summary>Names of the dashboard's cookie sign-in: scheme, policy, claims, paths.</summary>
internal static class DashboardDefaults
{
    public const string Scheme = "Dashboard";
    public const string Policy = "dashboard";
    public const string ManagerPolicy = "dashboard-manager";
    public const string CookieName = "applayer.dashboard";
    public const string CustomerIdClaim = "applayer:customer-id";
    public const string CustomerCodeClaim = "applayer:customer";
    public const string Root = "/dashboard";
    public const string SignInPath = "/dashboard/sign-in";
}
