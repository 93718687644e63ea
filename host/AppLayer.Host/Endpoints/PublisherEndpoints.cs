using AppLayer.Feed;
using AppLayer.Feed.Releases;
using AppLayer.Host.Auth;
using Microsoft.AspNetCore.Routing;

namespace AppLayer.Host.Endpoints;

/// <summary>What a publisher (or a manager) sees of the feed: its packages and releases.</summary>
internal static class PublisherEndpoints
{
    public static IEndpointRouteBuilder MapPublisherEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(ApiKeyDefaults.PublishPolicy);

        api.MapGet("/packages", (UpdateCatalog catalog, CancellationToken ct) => catalog.ListAllAsync(ct));
        api.MapPost("/releases", async (CreateReleaseRequest request, ReleaseService releases, CancellationToken ct) =>
        {
            var created = await releases.CreateAsync(request, ct);
            return Results.Created($"/api/releases/{Uri.EscapeDataString(created.Name)}", created);
        });
        api.MapGet("/releases", (ReleaseService releases, CancellationToken ct) => releases.ListAsync(ct));
        return app;
    }
}
