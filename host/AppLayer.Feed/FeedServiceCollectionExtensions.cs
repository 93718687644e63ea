using AppLayer.Feed.Indexing;
using AppLayer.Feed.Releases;
using AppLayer.Feed.Storage;
using AppLayer.Protocol.Packages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AppLayer.Feed;

public static class FeedServiceCollectionExtensions
{
    /// <summary>
    /// Adds the feed: package inspection and indexing, the file store, the flat container's reads,
    /// the update catalog and releases. Needs the Core stores (e.g. <c>AddAppLayerStorage</c>).
    /// Every registration is a <c>TryAdd</c>, so a host may swap any part.
    /// </summary>
    public static IServiceCollection AddAppLayerFeed(this IServiceCollection services, Action<FeedOptions>? configure = null)
    {
        var options = services.AddOptions<FeedOptions>()
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), "AppLayer:DataDirectory is required: the folder that holds the database and the feed.")
            .Validate(o => o.Limits.IsValid, "The feed's package limits must be positive.")
            .Validate(o => o.ScrubInterval >= TimeSpan.FromMinutes(1), "AppLayer:ScrubInterval must be at least a minute (e.g. 1.00:00:00 for daily).")
            .Validate(o => o.Limits.IsWithin(PackageLimits.Default), "The feed's package limits may be lowered, not raised: site agents extract with the defaults (docs/api.md).")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddOptions<Tuf.TufOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IValidateOptions<Tuf.TufOptions>, Tuf.TufOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPackageFileStore, FilePackageStore>();
        services.TryAddSingleton<IPackageIndexer, PackageIndexer>();
        services.TryAddSingleton<PackageContentService>();
        services.TryAddSingleton<UpdateCatalog>();
        services.TryAddSingleton<ReleaseService>();
        services.TryAddSingleton<Tuf.TufRepository>();
        services.TryAddSingleton<Integrity.PackageIntegrity>();
        services.TryAddSingleton<Protocol.FeedQuery>();
        return services;
    }
}
