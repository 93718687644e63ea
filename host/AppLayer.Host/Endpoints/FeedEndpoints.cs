using System.Security.Claims;
using System.Text.Json;
using AppLayer.Core.LegalChanges;
using AppLayer.Feed;
using AppLayer.Feed.Indexing;
using AppLayer.Feed.Integrity;
using AppLayer.Feed.Protocol;
using AppLayer.Feed.Tuf;
using AppLayer.Host.Auth;
using AppLayer.Host.Http;
using AppLayer.Protocol.NuGet;
using Microsoft.AspNetCore.Routing;
using NuGet.Packaging;

namespace AppLayer.Host.Endpoints;

/// <summary>The NuGet v3 feed: service index, push (PackagePublish/2.0.0) and flat container (PackageBaseAddress/3.0.0).</summary>
internal static class FeedEndpoints
{
    public static IEndpointRouteBuilder MapFeedEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v3/index.json", (HttpContext http) =>
            ETags.Bytes(JsonSerializer.SerializeToUtf8Bytes(ServiceIndex.For(http.Request.BaseUrl()), JsonSerializerOptions.Web), "application/json"))
            .AllowAnonymous();

        app.MapPut("/api/v2/package", PushAsync)
            .RequireAuthorization(ApiKeyDefaults.PublishPolicy);

        var flat = app.MapGroup("/v3/flatcontainer").RequireAuthorization(ApiKeyDefaults.AnyKeyPolicy);
        flat.MapGet("/{id}/index.json", VersionsAsync);
        flat.MapGet("/{id}/{version}/{file}", ContentAsync);
        return app;
    }

    private static async Task<IResult> PushAsync(
        HttpRequest request,
        IPackageIndexer indexer,
        TufRepository tuf,
        FeedQuery query,
        DeploymentTracker tracker,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var package = await PackageUpload.OpenAsync(request, cancellationToken);
        var outcome = await indexer.IndexAsync(package, cancellationToken);
        if (outcome.Result == PackageIndexingResult.Success && outcome.Package is { } stored)
        {
            // The package is stored; its signed targets entry follows even if the caller gives up.
            query.Invalidate();
            var signed = await tuf.PublishAsync(CancellationToken.None);
            if (signed.FirstOrDefault(s => s.File == "targets.json") is { } targets)
            {
                PushLog.Signed(loggers.CreateLogger(typeof(FeedEndpoints)), stored.Id, stored.Version, targets.Version, targets.Expires);
            }

            // A new update for a deployed legal change is not applied anywhere yet.
            await tracker.ReconcileAsync(CancellationToken.None);
        }

        return Problems.From(outcome);
    }

    private static async Task<IResult> VersionsAsync(string id, ClaimsPrincipal user, SiteService sites, FeedQuery query, CancellationToken cancellationToken)
    {
        // Another tenant's package answers as if it did not exist (404, not 403), so nothing leaks.
        var versions = PackageIdValidator.IsValidPackageId(id)
            ? await query.VersionsAsync(id, await FeedCallers.ResolveAsync(user, sites, cancellationToken), cancellationToken)
            : [];
        return versions.Count == 0
            ? Problems.NotFound($"Package '{id}' is not in the feed.")
            : ETags.Bytes(JsonSerializer.SerializeToUtf8Bytes(new PackageVersions([.. versions.Select(v => v.Version.ToNormalizedString().ToLowerInvariant())]), JsonSerializerOptions.Web), "application/json");
    }

    private static async Task<IResult> ContentAsync(string id, string version, string file, ClaimsPrincipal user, SiteService sites, FeedReads reads, ILogger<PackageIntegrity> refusals, CancellationToken cancellationToken) =>
        await reads.FlatFileAsync(id, version, file, await FeedCallers.ResolveAsync(user, sites, cancellationToken), refusals, cancellationToken)
            ?? Problems.NotFound($"{file} ({id} {version}) is not in the feed.");

    private sealed record PackageVersions(IReadOnlyList<string> Versions);
}
