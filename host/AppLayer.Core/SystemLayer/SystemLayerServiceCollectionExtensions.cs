using AppLayer.Core.Releases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AppLayer.Core.SystemLayer;

public static class SystemLayerServiceCollectionExtensions
{
    /// <summary>The system layer: inventories and support end dates, release gates.</summary>
    public static IServiceCollection AddSystemLayer(this IServiceCollection services)
    {
        services.TryAddSingleton<InventoryService>();
        services.TryAddSingleton<ReleaseGateService>();
        services.TryAddSingleton<UpdateHoldService>();
        return services;
    }
}
