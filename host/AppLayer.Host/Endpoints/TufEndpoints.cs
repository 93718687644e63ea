using AppLayer.Feed.Tuf;
using AppLayer.Host.Auth;
using AppLayer.Host.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AppLayer.Host.Endpoints;

/// <summary>
/// The feed's TUF metadata at <c>/tuf/{root,N.root,targets,snapshot,timestamp}.json</c> (any key),
/// with ETags so an unchanged poll of <c>timestamp.json</c> is a 304. Target paths are relative to
/// the flat container, <c>/v3/flatcontainer/</c>.
/// </summary>
internal static class TufEndpoints
{
    public static IEndpointRouteBuilder MapTufEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/tuf/{name}", async (string name, HttpContext http, TufRepository tuf, CancellationToken ct) =>
            await tuf.ReadAsync(name, ct) is { } bytes
                ? ETags.Bytes(http, bytes, "application/json")
                : Problems.NotFound($"{name} is not a metadata file of this feed."))
            .RequireAuthorization(ApiKeyDefaults.AnyKeyPolicy);
        return app;
    }
}
