using AppLayer.Core.Changelog;
using AppLayer.Core.Compliance;
using AppLayer.Core.Customers;
using AppLayer.Core.History;
using AppLayer.Core.Installations;
using AppLayer.Core.Keys;
using AppLayer.Core.LegalChanges;
using AppLayer.Core.ServiceDesk;
using AppLayer.Core.SystemLayer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AppLayer.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// The Core services (they talk to storage only through the store interfaces, e.g. <c>AddAppLayerStorage</c>):
    /// keys, customers, legal changes, sites, compliance, history, the service desk, inventories, release gates, staged rollouts and freezes.
    /// Every registration is a <c>TryAdd</c>, so a host may put its own first.
    /// </summary>
    public static IServiceCollection AddAppLayerCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ApiKeyService>();
        services.TryAddSingleton<ApiKeyRevoker>();
        services.TryAddSingleton<ContactKeyService>();
        services.TryAddSingleton<CustomerService>();
        services.TryAddSingleton<LegalChangeService>();
        services.TryAddSingleton<SiteService>();
        services.TryAddSingleton<FleetReader>();
        services.TryAddSingleton<ComplianceService>();
        services.TryAddSingleton<DeploymentTracker>();
        services.TryAddSingleton<HistoryService>();
        services.TryAddSingleton<CustomerChangelogService>();
        services.TryAddSingleton<Rollouts.RolloutService>();

        services.AddServiceDesk();
        services.AddSystemLayer();
        return services;
    }
}
