using AppLayer.Core;
using AppLayer.Feed;
using AppLayer.Storage;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>The services over <paramref name="dataDirectory"/>, without a web host (the caller migrates and disposes).</summary>
    public static ServiceProvider Build(string dataDirectory) =>
        new ServiceCollection().AddAppLayerData(dataDirectory).BuildServiceProvider();
}
