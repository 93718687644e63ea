using System.Security.Claims;
using AppLayer.Core.Releases;
using AppLayer.Core.SystemLayer;
using AppLayer.Feed;
using AppLayer.Host.Auth;
using AppLayer.Host.Dashboard;
using Microsoft.AspNetCore.Routing;

namespace AppLayer.Host.SystemLayer;

/// <summary>
/// The system layer's API: installations' software inventories judged against the vendors' support end dates,
/// the dates themselves, and release gates (rehearse, report, approve). Sites report and ask under <c>/api/site</c>.
/// </summary>
internal static class SystemLayerEndpoints
{
    public static IEndpointRouteBuilder MapSystemLayerEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(ApiKeyDefaults.ManagerPolicy);
        api.MapGet("/installations/{code}/inventory", (string code, int? within, InventoryService inventory, CancellationToken ct) =>
            inventory.GetAsync(code, within, ct));
        api.MapGet("/inventory", (int? within, InventoryService inventory, CancellationToken ct) => inventory.FleetAsync(within, ct));
        api.MapGet("/inventory/flagged", (int? within, InventoryService inventory, CancellationToken ct) => inventory.FlaggedAsync(within, ct));
        api.MapGet("/support-dates", (InventoryService inventory, CancellationToken ct) => inventory.ListDatesAsync(ct));
        api.MapPut("/support-dates/{component}/{cycle}", (string component, string cycle, SetSupportDateRequest request, HttpContext http, InventoryService inventory, CancellationToken ct) =>
            inventory.SetDateAsync(component, cycle, request, Actor.Of(http), ct));

        api.MapPost("/gates", async (GateReleaseRequest request, HttpContext http, ReleaseGateService gates, CancellationToken ct) =>
        {
            var (gate, created) = await gates.GateAsync(request.PackageId, FeedVersions.NormalizeOrThrow(request.Version), Actor.Of(http), ct);
            return created ? Results.Created(GatePath(gate.PackageId, gate.Version), gate) : Results.Ok(gate);
        });
        api.MapGet("/gates", (ReleaseGateService gates, CancellationToken ct) => gates.ListAsync(ct));
        api.MapGet("/gates/{id}/{version}", (string id, string version, ReleaseGateService gates, CancellationToken ct) =>
            gates.GetAsync(id, FeedVersions.NormalizeOrThrow(version), ct));
        api.MapPost("/gates/{id}/{version}/approvals", (string id, string version, ApproveReleaseRequest request, HttpContext http, ReleaseGateService gates, CancellationToken ct) =>
            gates.ApproveAsync(id, FeedVersions.NormalizeOrThrow(version), request, Actor.Of(http), ct));

        var site = app.MapGroup("/api/site").RequireAuthorization(ApiKeyDefaults.SitePolicy);
        site.MapPost("/inventory", async (InventoryReportDto report, ClaimsPrincipal user, InventoryService inventory, CancellationToken ct) =>
            await inventory.ReportAsync(user.InstallationId(), report, ct) ? Results.Created((string?)null, report) : Results.Ok(report));
        site.MapPost("/rehearsals", async (RehearsalReportDto report, ClaimsPrincipal user, ReleaseGateService gates, CancellationToken ct) =>
        {
            var normalised = report with { Version = FeedVersions.NormalizeOrThrow(report.Version) };
            return await gates.ReportRehearsalAsync(user.InstallationId(), normalised, ct) ? Results.Created((string?)null, normalised) : Results.Ok(normalised);
        });
        site.MapGet("/gates/{id}/{version}", (string id, string version, ClaimsPrincipal user, ReleaseGateService gates, CancellationToken ct) =>
            gates.ForSiteAsync(user.InstallationId(), id, FeedVersions.NormalizeOrThrow(version), ct));

        app.MapGet(SupportPage.Path, SupportPage.ShowAsync)
            .RequireAuthorization(DashboardDefaults.ManagerPolicy)
            .AddEndpointFilter<DashboardErrorFilter>()
            .ExcludeFromDescription();
        return app;
    }

    private static string GatePath(string id, string version) => $"/api/gates/{Uri.EscapeDataString(id)}/{Uri.EscapeDataString(version)}";
}
