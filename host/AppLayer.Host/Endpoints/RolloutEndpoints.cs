using AppLayer.Core.Rollouts;
using AppLayer.Feed;
using AppLayer.Host.Auth;
using Microsoft.AspNetCore.Routing;

namespace AppLayer.Host.Endpoints;

/// <summary>Staged rollouts and freezes (managers): create, list, show, halt, resume and abort rollouts; add, list and lift freezes.</summary>
internal static class RolloutEndpoints
{
    public static IEndpointRouteBuilder MapRolloutEndpoints(this IEndpointRouteBuilder app)
    {
        var rollouts = app.MapGroup("/api/rollouts").RequireAuthorization(ApiKeyDefaults.ManagerPolicy);
        rollouts.MapGet("/", (RolloutService service, CancellationToken ct) => service.ListAsync(ct));
        rollouts.MapPost("/", async (CreateRolloutRequest request, HttpContext http, RolloutService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(request, FeedVersions.NormalizeOrThrow(request.Version), Actor.Of(http), ct);
            return Results.Created($"/api/rollouts/{Uri.EscapeDataString(created.PackageId)}/{Uri.EscapeDataString(created.Version)}", created);
        });
        rollouts.MapGet("/{id}/{version}", (string id, string version, RolloutService service, CancellationToken ct) =>
            service.GetAsync(id, FeedVersions.NormalizeOrThrow(version), ct));
        rollouts.MapPost("/{id}/{version}/halt", (string id, string version, RolloutActionRequest? request, HttpContext http, RolloutService service, CancellationToken ct) =>
            service.HaltAsync(id, FeedVersions.NormalizeOrThrow(version), request?.Reason, Actor.Of(http), ct));
        rollouts.MapPost("/{id}/{version}/resume", (string id, string version, RolloutActionRequest? request, HttpContext http, RolloutService service, CancellationToken ct) =>
            service.ResumeAsync(id, FeedVersions.NormalizeOrThrow(version), request?.Reason, Actor.Of(http), ct));
        rollouts.MapPost("/{id}/{version}/abort", (string id, string version, RolloutActionRequest? request, HttpContext http, RolloutService service, CancellationToken ct) =>
            service.AbortAsync(id, FeedVersions.NormalizeOrThrow(version), request?.Reason, Actor.Of(http), ct));

        var freezes = app.MapGroup("/api/freezes").RequireAuthorization(ApiKeyDefaults.ManagerPolicy);
        freezes.MapGet("/", (RolloutService service, CancellationToken ct) => service.ListFreezesAsync(ct));
        freezes.MapPost("/", async (AddFreezeRequest request, HttpContext http, RolloutService service, CancellationToken ct) =>
        {
            var added = await service.AddFreezeAsync(request, Actor.Of(http), ct);
            return Results.Created($"/api/freezes/{added.Id}", added);
        });
        freezes.MapDelete("/{id:long}", (long id, HttpContext http, RolloutService service, CancellationToken ct) =>
            service.LiftFreezeAsync(id, Actor.Of(http), ct));
        return app;
    }
}
