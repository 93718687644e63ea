using System.Security.Claims;
using AppLayer.Core.Api;
using AppLayer.Core.Services;
using AppLayer.Feed;
using AppLayer.Host.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AppLayer.Host.Endpoints;

/// <summary>The site API, for one installation's agent (site key).</summary>
internal static class SiteEndpoints
{
    public static IEndpointRouteBuilder MapSiteEndpoints(this IEndpointRouteBuilder app)
    {
        var site = app.MapGroup("/api/site").RequireAuthorization(ApiKeyDefaults.SitePolicy);

        site.MapGet("/me", (ClaimsPrincipal user, SiteService sites, CancellationToken ct) =>
            sites.IdentifyAsync(user.InstallationId(), ct));

        site.MapGet("/updates", async (ClaimsPrincipal user, SiteService sites, UpdateCatalog catalog, CancellationToken ct) =>
            await catalog.ForInstallationAsync(await sites.GetInstallationAsync(user.InstallationId(), ct), ct));

        site.MapPost("/reports", async (DeploymentReportDto report, ClaimsPrincipal user, SiteService sites, CancellationToken ct) =>
        {
            var normalised = report with { Version = FeedVersions.NormalizeOrThrow(report.Version) };
            return await sites.ReportAsync(user.InstallationId(), normalised, ct)
                ? Results.Created((string?)null, normalised)
                : Results.Ok(normalised);
        });
        return app;
    }
}
