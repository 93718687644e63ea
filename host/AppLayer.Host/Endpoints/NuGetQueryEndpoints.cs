using System.Security.Claims;
using System.Text.Json.Nodes;
using AppLayer.Core.Services;
using AppLayer.Feed.Protocol;
using AppLayer.Feed.Tuf;
using AppLayer.Host.Auth;
using AppLayer.Host.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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

    private static async Task<IResult> RegistrationIndexAsync(string id, HttpContext http, ClaimsPrincipal user, SiteService sites, FeedQuery query, CancellationToken ct)
    {
        var versions = await query.VersionsAsync(id, await FeedCallers.ResolveAsync(user, sites, ct), ct);
        if (versions.Count == 0)
        {
            return Problems.NotFound($"Package '{id}' is not in the feed.");
        }

        var urls = new Urls(http.Request, versions[0].Package.Id);
        var items = new JsonArray([.. versions.Select(v => (JsonNode)LeafItem(urls, v))]);
        var page = new JsonObject
        {
            ["@id"] = $"{urls.Index}#page/{Lower(versions[0])}/{Lower(versions[^1])}",
            ["@type"] = "catalog:CatalogPage",
            ["count"] = versions.Count,
            ["lower"] = Lower(versions[0]),
            ["upper"] = Lower(versions[^1]),
            ["parent"] = urls.Index,
            ["items"] = items,
        };
        var index = new JsonObject
        {
            ["@id"] = urls.Index,
            ["@type"] = new JsonArray("catalog:CatalogRoot", "PackageRegistration", "catalog:Permalink"),
            ["count"] = 1,
            ["items"] = new JsonArray(page),
        };
        return Json(http, index);
    }

    private static async Task<IResult> RegistrationLeafAsync(string id, string version, HttpContext http, ClaimsPrincipal user, SiteService sites, FeedQuery query, CancellationToken ct)
    {
        var match = (await query.VersionsAsync(id, await FeedCallers.ResolveAsync(user, sites, ct), ct))
            .FirstOrDefault(v => string.Equals(Lower(v), version, StringComparison.OrdinalIgnoreCase) || v.Version.ToNormalizedString() == Feed.FeedVersions.Normalize(version));
        if (match is null)
        {
            return Problems.NotFound($"{id} {version} is not in the feed.");
        }

        var urls = new Urls(http.Request, match.Package.Id);
        return Json(http, new JsonObject
        {
            ["@id"] = urls.Leaf(match),
            ["@type"] = new JsonArray("Package", "http://schema.nuget.org/catalog#Permalink"),
            ["catalogEntry"] = urls.Leaf(match) + "#entry",
            ["listed"] = match.Listed,
            ["packageContent"] = urls.Content(match),
            ["published"] = Published(match),
            ["registration"] = urls.Index,
        });
    }

    private static async Task<IResult> SearchAsync(HttpContext http, ClaimsPrincipal user, SiteService sites, FeedQuery query, CancellationToken ct)
    {
        var q = http.Request.Query;
        var skip = int.TryParse(q["skip"], out var s) ? s : 0;
        var take = int.TryParse(q["take"], out var t) ? t : 20;
        var prerelease = bool.TryParse(q["prerelease"], out var p) && p;
        var (total, page) = await query.SearchAsync(q["q"], skip, take, prerelease, await FeedCallers.ResolveAsync(user, sites, ct), ct);
        var data = new JsonArray();
        foreach (var versions in page)
        {
            var latest = versions[^1];
            var urls = new Urls(http.Request, latest.Package.Id);
            data.Add(new JsonObject
            {
                ["@id"] = urls.Index,
                ["@type"] = "Package",
                ["registration"] = urls.Index,
                ["id"] = latest.Package.Id,
                ["version"] = latest.Version.ToNormalizedString(),
                ["title"] = latest.Package.Manifest.Title,
                ["description"] = latest.Package.Manifest.Title,
                ["summary"] = string.Join("; ", latest.Package.Manifest.LegalReferences),
                ["tags"] = new JsonArray(latest.Package.Manifest.Kind.ToString()),
                ["authors"] = new JsonArray(),
                ["totalDownloads"] = 0,
                ["verified"] = false,
                ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)new JsonObject
                {
                    ["version"] = v.Version.ToNormalizedString(),
                    ["downloads"] = 0,
                    ["@id"] = urls.Leaf(v),
                })]),
            });
        }

        return Json(http, new JsonObject { ["totalHits"] = total, ["data"] = data });
    }

    private static async Task<IResult> UnlistAsync(string id, string version, ClaimsPrincipal user, SiteService sites, FeedQuery query, CancellationToken ct)
    {
        if (!await query.UnlistAsync(id, version, await FeedCallers.ResolveAsync(user, sites, ct), ct))
        {
            return Problems.NotFound($"{id} {version} is not in the feed.");
        }

        return Results.NoContent();
    }

    private static JsonObject LeafItem(Urls urls, ListedPackage package) => new()
    {
        ["@id"] = urls.Leaf(package),
        ["@type"] = "Package",
        ["commitTimeStamp"] = Published(package),
        ["catalogEntry"] = new JsonObject
        {
            ["@id"] = urls.Leaf(package) + "#entry",
            ["@type"] = "PackageDetails",
            ["id"] = package.Package.Id,
            ["version"] = package.Version.ToNormalizedString(),
            ["title"] = package.Package.Manifest.Title,
            ["description"] = package.Package.Manifest.Title,
            ["summary"] = string.Join("; ", package.Package.Manifest.LegalReferences),
            ["authors"] = string.Empty,
            ["tags"] = new JsonArray(package.Package.Manifest.Kind.ToString()),
            ["listed"] = package.Listed,
            ["published"] = Published(package),
            ["packageContent"] = urls.Content(package),
            ["dependencyGroups"] = new JsonArray(),
        },
        ["packageContent"] = urls.Content(package),
        ["registration"] = urls.Index,
    };

    // NuGet marks unlisted packages with the 1900 publish date, as nuget.org does.
    private static string Published(ListedPackage package) =>
        (package.Listed ? package.Package.PublishedAt : new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero)).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private static string Lower(ListedPackage package) => package.Version.ToNormalizedString().ToLowerInvariant();

    private static IResult Json(HttpContext http, JsonObject body) =>
        ETags.Bytes(http, System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json");

    private sealed class Urls(HttpRequest request, string id)
    {
        private readonly string _base = $"{request.Scheme}://{request.Host}{request.PathBase}";
        private readonly string _id = id.ToLowerInvariant();

        public string Index => $"{_base}/v3/registration/{_id}/index.json";

        public string Leaf(ListedPackage package) => $"{_base}/v3/registration/{_id}/{Lower(package)}.json";

        public string Content(ListedPackage package) => $"{_base}/v3/flatcontainer/{TufTargetPaths.For(package.Package.Id, package.Version.ToNormalizedString())}";
    }
}
