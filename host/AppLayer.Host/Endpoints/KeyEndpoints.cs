using AppLayer.Core.Keys;
using AppLayer.Host.Auth;
using AppLayer.Host.Http;
using Microsoft.AspNetCore.Routing;

namespace AppLayer.Host.Endpoints;

/// <summary><c>POST /api/keys/revoke</c> (manager key) with <c>{"key": "al_..."}</c>: 204, or 404 for an unknown key.</summary>
internal static class KeyEndpoints
{
    public static IEndpointRouteBuilder MapKeyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/keys/revoke", async (RevokeKeyRequest request, ApiKeyRevoker revoker, CancellationToken ct) =>
            await revoker.RevokeAsync(request.Key, ct) ? Results.NoContent() : Problems.NotFound("No such API key."))
            .RequireAuthorization(ApiKeyDefaults.ManagerPolicy);
        return app;
    }

    private sealed record RevokeKeyRequest(string Key);
}
