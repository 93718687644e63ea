using AppLayer.Host.Dashboard;

namespace AppLayer.Host.SystemLayer;

public static class SystemLayerServiceCollectionExtensions
{
    /// <summary>The system layer's customer-page section and dashboard page (its Core services come with <c>AddAppLayerCore</c>).</summary>
    public static IServiceCollection AddSystemLayer(this IServiceCollection services)
    {
        services.AddSingleton<ICustomerSection, SystemSoftwareSection>();
        services.Configure<DashboardOptions>(o => o.Nav.Add(new NavEntry("Support", SupportPage.Path, ManagerOnly: true)));
        return services;
    }
}
