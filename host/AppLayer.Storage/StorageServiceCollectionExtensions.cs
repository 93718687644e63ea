using AppLayer.Storage.Stores;
using AppLayer.Storage.Stores.ServiceDesk;
using AppLayer.Storage.Stores.SystemLayer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AppLayer.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SQLite stores behind the Core store interfaces. Every registration is a
    /// <c>TryAdd</c>, so a host may put its own implementation of any store first.
    /// </summary>
    public static IServiceCollection AddAppLayerStorage(this IServiceCollection services, Action<StorageOptions>? configure = null)
    {
        var options = services.AddOptions<StorageOptions>()
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), "AppLayer:DataDirectory is required: the folder that holds the database and the feed.")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SqliteDatabase>();
        services.TryAddSingleton<DatabaseChanges>();
        services.AddCoreStores();
        services.AddServiceDeskStores();
        services.AddSystemLayerStores();
        return services;
    }
}
