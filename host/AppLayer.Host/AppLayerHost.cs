using AppLayer.Core;
using AppLayer.Core.Keys;
using AppLayer.Host.Dashboard;
using AppLayer.Host.Endpoints;
using AppLayer.Host.Health;
using AppLayer.Host.Http;
using AppLayer.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;

namespace AppLayer.Host;

/// <summary>The host from code: build it, start it on a (possibly free) port, or make an API key offline.</summary>
public static class AppLayerHost
{
    /// <summary>ASP.NET Core's log category for each request's start and end.</summary>
    private const string RequestDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>Builds the web app; configuration (command line, environment) fills what the options leave <c>null</c>.</summary>
    public static WebApplication BuildApp(AppLayerHostOptions options, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(args ?? []);

        var overrides = new Dictionary<string, string?>(options.Settings);
        if (options.DataDirectory is not null)
        {
            overrides[$"{HostServiceCollectionExtensions.Section}:DataDirectory"] = options.DataDirectory;
        }

        if (options.MaxPackageBytes is { } limit)
        {
            overrides[$"{HostServiceCollectionExtensions.Section}:MaxPackageBytes"] = limit.ToString(CultureInfo.InvariantCulture);
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        builder.WebHost.UseUrls(options.Urls ?? builder.Configuration[WebHostDefaults.ServerUrlsKey] ?? AppLayerHostOptions.DefaultUrls);

        // Quiet by default: warnings and errors only, on stderr, so a CLI's stdout stays readable.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // A failed start (port in use, bad data folder) is thrown to the caller, which reports it once.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

        // Per-request diagnostics only when configured: at Warning this category logs no request (start and
        // finish are Information), yet being on at all makes an Activity and a log scope for every request.
        // It also carries the web host's own start-up errors, which reach the caller as exceptions anyway.
        if (builder.Configuration[$"Logging:LogLevel:{RequestDiagnostics}"] is null)
        {
            builder.Logging.AddFilter(RequestDiagnostics, LogLevel.None);
        }

        if (options.Time is not null)
        {
            builder.Services.AddSingleton(options.Time);
        }

        builder.Services.AddAppLayerHost(builder.Configuration);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages(Dashboard.DashboardStatusPages.WriteAsync);
        app.UseHeadAsGet();
        app.UseFeedShortcut();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthEndpoints();
        app.MapFeedEndpoints();
        app.MapManagerEndpoints();
        app.MapPublisherEndpoints();
        app.MapSiteEndpoints();
        app.MapLegalChangeEndpoints();
        app.MapComplianceEndpoints();
        app.MapTufEndpoints();
        app.MapNuGetQueryEndpoints();
        app.MapKeyEndpoints();
        app.MapServiceDeskEndpoints();
        app.MapPortalEndpoints();
        app.MapOfflineEndpoints();
        app.MapHoldEndpoints();
        app.MapRolloutEndpoints();
        SystemLayer.SystemLayerEndpoints.MapSystemLayerEndpoints(app);
        app.MapDashboard();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }

    /// <summary>Builds and starts a host; <see cref="RunningHost.BaseAddress"/> is where it really listens.</summary>
    public static async Task<RunningHost> StartAsync(AppLayerHostOptions options, CancellationToken cancellationToken = default)
    {
        var app = BuildApp(options);
        try
        {
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The host started but reports no address.");
            return new RunningHost(app, new Uri(address.Replace("://+:", "://localhost:", StringComparison.Ordinal).Replace("://*:", "://localhost:", StringComparison.Ordinal)));
        }
        catch (OptionsValidationException ex)
        {
            await app.DisposeAsync();
            throw new UserException($"the host's settings are not valid: {string.Join(' ', ex.Failures)}");
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Revokes an API key straight in a data folder's database.</summary>
    /// <returns><c>false</c> when the database has no such key.</returns>
    public static async Task<bool> RevokeKeyAsync(string dataDirectory, string key, CancellationToken cancellationToken = default)
    {
        await using var provider = await OpenDataAsync(dataDirectory, cancellationToken);
        return await provider.GetRequiredService<ApiKeyRevoker>().RevokeAsync(key, cancellationToken);
    }

    /// <summary>Creates a key for one of a customer's contacts straight in a data folder's database (the secret is returned once).</summary>
    /// <exception cref="UserException">A bad argument or an unknown customer.</exception>
    public static async Task<CreatedKeyDto> CreateContactKeyAsync(
        string dataDirectory,
        string customerCode,
        int? expiresInDays,
        CancellationToken cancellationToken = default)
    {
        await using var provider = await OpenDataAsync(dataDirectory, cancellationToken);
        return await provider.GetRequiredService<ContactKeyService>().CreateAsync(customerCode, expiresInDays, cancellationToken);
    }

    /// <summary>The stores and core services over a data folder's database, migrated, without a web host.</summary>
    private static async Task<ServiceProvider> OpenDataAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(dataDirectory))
        {
            throw new UserException("The data folder is required.");
        }

        var provider = DataFolderServices.Build(dataDirectory);
        await provider.GetRequiredService<SqliteDatabase>().MigrateAsync(cancellationToken);
        return provider;
    }

    /// <summary>
    /// Creates an API key straight in a data folder's database (no host needed; it may be running).
    /// The secret is returned once; only its hash is stored.
    /// </summary>
    /// <exception cref="UserException">A bad argument or an unknown installation.</exception>
    public static async Task<CreatedKeyDto> CreateKeyAsync(
        string dataDirectory,
        KeyScope scope,
        string? installationCode,
        int? expiresInDays,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(dataDirectory))
        {
            throw new UserException("The data folder is required.");
        }

        await using var provider = DataFolderServices.Build(dataDirectory);
        return await provider.GetRequiredService<ApiKeyService>().CreateAsync(scope, installationCode, expiresInDays, cancellationToken);
    }
}
