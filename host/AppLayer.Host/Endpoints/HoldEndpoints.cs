using AppLayer.Core.Releases;
using AppLayer.Feed;
using AppLayer.Host.Auth;
using Microsoft.AspNetCore.Routing;

namespace AppLayer.Host.Endpoints;

/// <summary>Holds on rolled-back updates (managers): list them, release one.</summary>
internal static class HoldEndpoints
{
    public static IEndpointRouteBuilder MapHoldEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/holds").RequireAuthorization(ApiKeyDefaults.ManagerPolicy);
        api.MapGet("/", (string? installation, bool? all, UpdateHoldService holds, CancellationToken ct) =>
            holds.ListAsync(installation, all ?? false, ct));
        api.MapPost("/releases", async (ReleaseHoldRequest request, HttpContext http, UpdateHoldService holds, ILoggerFactory loggers, CancellationToken ct) =>
        {
            var released = await holds.ReleaseAsync(request, FeedVersions.NormalizeOrThrow(request.Version), Actor.Of(http), ct);
            HoldLog.Released(loggers.CreateLogger(typeof(HoldEndpoints)), released.Installation, released.PackageId, released.Version, released.RollbackReportId, released.ReleasedBy ?? string.Empty);
            return Results.Ok(released);
        });
        return app;
    }
}
