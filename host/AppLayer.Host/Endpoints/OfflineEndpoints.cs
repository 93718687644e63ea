using System.Security.Claims;
using AppLayer.Core.Keys;
using AppLayer.Host.Auth;
using AppLayer.Host.Offline;
using Microsoft.AspNetCore.Routing;

namespace AppLayer.Host.Endpoints;

/// <summary>
/// Offline sites: <c>GET /api/customers/{code}/bundle</c> (manager) packs the signed metadata, listings
/// and packages for one customer; <c>POST /api/reports/import</c> (manager, or the installation's own
/// site key) stores the reports a site exported, each once.
/// </summary>
internal static class OfflineEndpoints
{
    public static IEndpointRouteBuilder MapOfflineEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/customers/{code}/bundle", async (string code, IServiceProvider services, TimeProvider time, CancellationToken ct) =>
        {
            // Written to a temporary file first (a zip needs to seek), deleted when the answer is sent.
            var path = Path.Combine(Path.GetTempPath(), "applayer-bundle-" + Guid.NewGuid().ToString("N") + ".zip");
            var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            try
            {
                var manifest = await ActivatorUtilities.CreateInstance<OfflineBundleBuilder>(services).WriteAsync(code, file, ct);
                file.Position = 0;
                var name = string.Create(CultureInfo.InvariantCulture, $"{manifest.Customer}-bundle-{time.GetUtcNow():yyyyMMdd'T'HHmmss}.zip");
                return Results.Stream(file, "application/zip", name);
            }
            catch
            {
                await file.DisposeAsync();
                throw;
            }
        }).RequireAuthorization(ApiKeyDefaults.ManagerPolicy);

        app.MapPost("/api/reports/import", async (ReportExportDto file, ClaimsPrincipal user, IServiceProvider services, CancellationToken ct) =>
        {
            long? site = user.FindFirst(AppLayerClaims.Scope)?.Value == KeyScopeNames.Site ? user.InstallationId() : null;
            return await ActivatorUtilities.CreateInstance<ReportImporter>(services).ImportAsync(file, site, ct);
        }).RequireAuthorization(p => p.RequireClaim(AppLayerClaims.Scope, KeyScopeNames.Manager, KeyScopeNames.Site));
        return app;
    }
}
