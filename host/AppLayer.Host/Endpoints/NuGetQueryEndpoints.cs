using System.Security.Claims;
using System.Text.Json.Nodes;
using AppLayer.Feed.Protocol;
using AppLayer.Host.Auth;
using AppLayer.Host.Http;
using AppLayer.Protocol.NuGet;
using Microsoft.AspNetCore.Routing;

namespace AppLayer.Host.Endpoints;

/// <summary>
/// NuGet v3 RegistrationsBaseUrl (<c>/v3/registration/{id}/index.json</c> with inlined pages, and
/// leaves <c>/{version}.json</c>), SearchQueryService (<c>/v3/search</c>) and delete = unlist
/// (<c>DELETE /api/v2/package/{id}/{version}</c>). A site key sees only what its tenant may: other
/// tenants' packages answer 404, as if they did not exist.
/// </summary>
internal static class NuGetQueryEndpoints
{
    public static IEndpointRouteBuilder MapNuGetQueryEndpoints(this IEndpointRouteBuilder app)
    {
        var feed = app.MapGroup("/v3").RequireAuthorization(ApiKeyDefaults.AnyKeyPolicy);
        feed.MapGet("/registration/{id}/index.json", RegistrationIndexAsync);
        feed.MapGet("/registration/{id}/{version}.json", RegistrationLeafAsync);
        feed.MapGet("/search", SearchAsync);

        app.MapDelete("/api/v2/package/{id}/{version}", UnlistAsync).RequireAuthorization(ApiKeyDefaults.PublishPolicy);
        return app;
    }

    private static async Task<IResult> RegistrationIndexAsync(string id, HttpContext http, ClaimsPrincipal user, SiteService sites, FeedReads reads, CancellationToken ct) =>
        await reads.RegistrationIndexAsync(http, id, await FeedCallers.ResolveAsync(user, sites, ct), ct)
            ?? Problems.NotFound($"Package '{id}' is not in the feed.");

    private static async Task<IResult> RegistrationLeafAsync(string id, string version, HttpContext http, ClaimsPrincipal user, SiteService sites, FeedQuery query, RenderedDocuments documents, CancellationToken ct)
    {
        var caller = await FeedCallers.ResolveAsync(user, sites, ct);
        return await documents.AnswerAsync(http, caller, RenderAsync, ct)
            ?? Problems.NotFound($"{id} {version} is not in the feed.");

        async Task<JsonObject?> RenderAsync(CancellationToken cancellationToken)
        {
            var normalized = Feed.FeedVersions.Normalize(version);
            var match = (await query.VersionsAsync(id, caller, cancellationToken))
                .FirstOrDefault(v => v.Version.ToNormalizedString() == normalized);
            return match is null ? null : NuGetDocuments.RegistrationLeaf(http.Request.BaseUrl(), match.ToNuGet());
        }
    }

    private static async Task<IResult> SearchAsync(HttpContext http, ClaimsPrincipal user, SiteService sites, FeedQuery query, CancellationToken ct)
    {
        var q = http.Request.Query;
        var skip = int.TryParse(q["skip"], out var s) ? s : 0;
        var take = int.TryParse(q["take"], out var t) ? t : 20;
        var prerelease = bool.TryParse(q["prerelease"], out var p) && p;
        var (total, page) = await query.SearchAsync(q["q"], skip, take, prerelease, await FeedCallers.ResolveAsync(user, sites, ct), ct);
        return Json(NuGetDocuments.Search(http.Request.BaseUrl(), total, [.. page.Select(g => (IReadOnlyList<NuGetPackage>)[.. g.Select(v => v.ToNuGet())])]));
    }

    private static async Task<IResult> UnlistAsync(string id, string version, ClaimsPrincipal user, SiteService sites, FeedQuery query, CancellationToken ct)
    {
        if (!await query.UnlistAsync(id, version, await FeedCallers.ResolveAsync(user, sites, ct), ct))
        {
            return Problems.NotFound($"{id} {version} is not in the feed.");
        }

        return Results.NoContent();
    }

    private static IResult Json(JsonObject body) =>
        ETags.Bytes(System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json");
}
