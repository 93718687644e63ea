using AppLayer.Core.Gates;
using AppLayer.Core.SystemLayer;
using AppLayer.Host.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AppLayer.Host.SystemLayer;

public static class SystemLayerServiceCollectionExtensions
{
    /// <summary>Inventories and support end dates, release gates, their customer-page section and dashboard page.</summary>
    public static IServiceCollection AddSystemLayer(this IServiceCollection services)
    {
        services.TryAddSingleton<InventoryService>();
        services.TryAddSingleton<ReleaseGateService>();
        services.AddSingleton<ICustomerSection, SystemSoftwareSection>();
        services.Configure<DashboardOptions>(o => o.Nav.Add(new NavEntry("Support", SupportPage.Path, ManagerOnly: true)));
        return services;
    }
}
