using Microsoft.AspNetCore.Routing;

namespace AppLayer.Host.Dashboard;

/// <summary>The manager dashboard: server-rendered pages under /dashboard, signed in with a cookie.</summary>
internal static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Redirect(DashboardDefaults.Root)).ExcludeFromDescription();
        var dashboard = app.MapGroup(DashboardDefaults.Root)
            .RequireAuthorization(DashboardDefaults.Policy)
            .AddEndpointFilter<DashboardErrorFilter>()
            .ExcludeFromDescription();
        SignInEndpoints.Map(dashboard);
        dashboard.MapGet("/", FleetPage.ShowAsync);
        dashboard.MapGet("/search", SearchPage.ShowAsync);
        dashboard.MapGet("/compliance", CompliancePage.ShowAsync).RequireAuthorization(DashboardDefaults.ManagerPolicy);
        dashboard.MapGet("/queue", QueuePage.ShowAsync).RequireAuthorization(DashboardDefaults.ManagerPolicy);
        dashboard.MapGet("/api", ApiDocsPage.Show).RequireAuthorization(DashboardDefaults.ManagerPolicy);
        dashboard.MapGet("/customers/{code}", CustomerPage.ShowAsync);
        dashboard.MapGet("/customers/{code}/export", CustomerPage.ExportAsync);
        dashboard.MapGet("/customers/{code}/changelog", CustomerPage.ChangelogAsync);
        return app;
    }
}
