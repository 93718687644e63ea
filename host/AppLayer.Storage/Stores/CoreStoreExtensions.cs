using AppLayer.Core.Agreements;
using AppLayer.Core.Customers;
using AppLayer.Core.History;
using AppLayer.Core.Installations;
using AppLayer.Core.Keys;
using AppLayer.Core.LegalChanges;
using AppLayer.Core.Releases;
using AppLayer.Core.Rollouts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AppLayer.Storage.Stores;

public static class CoreStoreExtensions
{
    /// <summary>The SQLite stores behind the customer, agreement, installation, key, package, legal-change, release, deployment, history and rollout interfaces.</summary>
    public static IServiceCollection AddCoreStores(this IServiceCollection services)
    {
        services.TryAddSingleton<ICustomerStore, SqliteCustomerStore>();
        services.TryAddSingleton<IAgreementStore, SqliteAgreementStore>();
        services.TryAddSingleton<IInstallationStore, SqliteInstallationStore>();
        services.TryAddSingleton<IApiKeyStore, SqliteApiKeyStore>();
        services.TryAddSingleton<IPackageStore, SqlitePackageStore>();
        services.TryAddSingleton<IPackageListingStore, SqlitePackageListingStore>();
        services.TryAddSingleton<ILegalChangeStore, SqliteLegalChangeStore>();
        services.TryAddSingleton<IReleaseStore, SqliteReleaseStore>();
        services.TryAddSingleton<IDeploymentStore, SqliteDeploymentStore>();
        services.TryAddSingleton<IUpdateHoldStore, SqliteUpdateHoldStore>();
        services.TryAddSingleton<IHistoryStore, SqliteHistoryStore>();
        services.TryAddSingleton<IRolloutStore, SqliteRolloutStore>();
        return services;
    }
}
