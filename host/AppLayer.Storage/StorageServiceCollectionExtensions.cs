using AppLayer.Core.Agreements;
using AppLayer.Core.Customers;
using AppLayer.Core.History;
using AppLayer.Core.Installations;
using AppLayer.Core.Keys;
using AppLayer.Core.LegalChanges;
using AppLayer.Core.Releases;
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
        services.TryAddSingleton<ICustomerStore, SqliteCustomerStore>();
        services.TryAddSingleton<IAgreementStore, SqliteAgreementStore>();
        services.TryAddSingleton<IInstallationStore, SqliteInstallationStore>();
        services.TryAddSingleton<IApiKeyStore, SqliteApiKeyStore>();
        services.TryAddSingleton<IPackageStore, SqlitePackageStore>();
        services.TryAddSingleton<IPackageListingStore, SqlitePackageListingStore>();
        services.TryAddSingleton<ILegalChangeStore, SqliteLegalChangeStore>();
        services.TryAddSingleton<IReleaseStore, SqliteReleaseStore>();
        services.TryAddSingleton<IDeploymentStore, SqliteDeploymentStore>();
        services.TryAddSingleton<IHistoryStore, SqliteHistoryStore>();
        services.AddServiceDeskStores();
        services.AddSystemLayerStores();
        return services;
    }
}
