using AppLayer.Core.Releases;
using AppLayer.Core.SystemLayer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AppLayer.Storage.Stores.SystemLayer;

internal static class SystemLayerStorageExtensions
{
    /// <summary>The system layer's stores: inventories, support end dates, release gates.</summary>
    public static IServiceCollection AddSystemLayerStores(this IServiceCollection services)
    {
        services.TryAddSingleton<ISystemInventoryStore, SqliteSystemInventoryStore>();
        services.TryAddSingleton<ISupportDateStore, SqliteSupportDateStore>();
        services.TryAddSingleton<IReleaseGateStore, SqliteReleaseGateStore>();
        return services;
    }
}
