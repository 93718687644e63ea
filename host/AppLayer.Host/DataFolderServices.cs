using AppLayer.Core;
using AppLayer.Feed;
using AppLayer.Feed.Tuf;
using AppLayer.Storage;
using Microsoft.Extensions.Configuration;

namespace AppLayer.Host;

/// <summary>
/// The one composition of the libraries over a data folder: the stores, the feed and the Core services. The web
/// host adds its own parts on top; the offline verbs (keys, feed export and signing, key creation) use it alone.
/// </summary>
public static class DataFolderServices
{
    /// <param name="dataDirectory">The data folder; <c>null</c> when configuration binds it (the web host).</param>
    public static IServiceCollection AddAppLayerData(this IServiceCollection services, string? dataDirectory = null)
    {
        if (dataDirectory is null)
        {
            services.AddAppLayerStorage();
            services.AddAppLayerFeed();
        }
        else
        {
            services.AddAppLayerStorage(o => o.DataDirectory = dataDirectory);
            services.AddAppLayerFeed(o => o.DataDirectory = dataDirectory);
        }

        return services.AddAppLayerCore();
    }

    /// <summary>
    /// The services over <paramref name="dataDirectory"/>, without a web host (the caller migrates and disposes).
    /// The signed metadata's lifetimes (<c>AppLayer:Tuf:*</c>) come from the environment
    /// (<c>AppLayer__Tuf__TimestampLifetime=1.00:00:00</c>), as they do for <c>applayer serve</c>, so a verb that
    /// signs uses the host's.
    /// </summary>
    /// <param name="time">The clock; the system's when <c>null</c>.</param>
    public static ServiceProvider Build(string dataDirectory, TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        var environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        services.AddOptions<TufOptions>().Bind(environment.GetSection(HostServiceCollectionExtensions.Section).GetSection(TufOptions.Section));
        return services.AddAppLayerData(dataDirectory).BuildServiceProvider();
    }
}
