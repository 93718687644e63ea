using AppLayer.Feed;
using AppLayer.Host.Auth;
using AppLayer.Host.Dashboard;
using AppLayer.Host.Health;
using AppLayer.Host.Http;
using AppLayer.Host.ServiceDesk;
using AppLayer.Host.SystemLayer;
using AppLayer.Storage;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace AppLayer.Host;

public static class HostServiceCollectionExtensions
{
    /// <summary>Configuration section of the host's settings (<c>AppLayer:DataDirectory</c>, <c>AppLayer:MaxPackageBytes</c>, <c>AppLayer:Tuf:*</c>).</summary>
    public const string Section = "AppLayer";

    /// <summary>Room for multipart framing around a package of the largest size.</summary>
    private const long MultipartOverhead = 1024 * 1024;

    /// <summary>Everything the host runs on: storage, feed, Core services, API key auth, problem answers.</summary>
    public static IServiceCollection AddAppLayerHost(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        services.AddOptions<StorageOptions>().Bind(section);
        services.AddOptions<FeedOptions>().Bind(section);
        services.AddOptions<AppLayer.Feed.Tuf.TufOptions>().Bind(section.GetSection(AppLayer.Feed.Tuf.TufOptions.Section));
        var serviceDesk = new AppLayer.Core.ServiceDesk.ServiceDeskSettings();
        section.GetSection("ServiceDesk").Bind(serviceDesk);
        services.TryAddSingleton(serviceDesk);
        services.AddAppLayerData();
        services.AddServiceDesk();
        services.AddSystemLayer();
        services.AddHostedService<DatabaseInitializer>();
        services.AddHostedService<TufInitializer>();
        services.AddHostedService<TufRefreshService>();
        services.AddHostedService<PackageScrubService>();
        services.AddServiceDeskMail(section);

        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => ReasonPhrases.Set(c.HttpContext, c.ProblemDetails.Title));
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddApiKeyAuth();
        services.TryAddSingleton<Http.PackageFiles>();
        services.TryAddSingleton<Http.RenderedDocuments>();
        services.TryAddSingleton<Http.FeedReads>();
        services.AddDashboard();
        services.AddOpenApi();
        services.AddHostHealthChecks();
        services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<FeedOptions>>((kestrel, feed) =>
            {
                kestrel.AddServerHeader = false;
                kestrel.Limits.MaxRequestBodySize = feed.Value.MaxPackageBytes + MultipartOverhead;
            });
        services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        return services;
    }
}
