using System.Security.Claims;
using System.Text.Json;
using AppLayer.Core.Releases;
using AppLayer.Core.Rollouts;
using AppLayer.Feed;
using AppLayer.Feed.Protocol;
using AppLayer.Host.Auth;
using AppLayer.Host.Http;
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

        site.MapGet("/updates", async (ClaimsPrincipal user, SiteService sites, FeedQuery query, UpdateCatalog catalog, ReleaseGateService gates, UpdateHoldService holds, RolloutService rollouts, CancellationToken ct) =>
        {
            // Only this tenant's listed packages; answered with an ETag, so an unchanged poll is a 304.
            var updates = await SiteUpdateListing.ForAsync(await sites.GetInstallationAsync(user.InstallationId(), ct), await FeedCallers.ResolveAsync(user, sites, ct), query, catalog, gates, holds, rollouts, ct);
            return ETags.Bytes(JsonSerializer.SerializeToUtf8Bytes(updates, JsonSerializerOptions.Web), "application/json");
        });

        site.MapPost("/reports", async (DeploymentReportDto report, ClaimsPrincipal user, SiteService sites, RolloutService rollouts, ILoggerFactory loggers, CancellationToken ct) =>
        {
            var log = loggers.CreateLogger(typeof(SiteEndpoints));
            var installation = user.InstallationId();
            ReportLog.Received(log, report.ReportId, installation, report.PackageId, report.Version, report.Status);
            var normalised = report with { Version = FeedVersions.NormalizeOrThrow(report.Version) };
            if (await sites.ReportAsync(installation, normalised, ct))
            {
                ReportLog.Recorded(log, normalised.ReportId, installation, normalised.PackageId, normalised.Version, normalised.Status);
                if (normalised.Status == DeploymentStatus.RolledBack.ToName())
                {
                    HoldLog.Held(log, user.InstallationId().ToString(System.Globalization.CultureInfo.InvariantCulture), normalised.PackageId, normalised.Version, normalised.ReportId);
                }

                // A failure or rollback may trip the version's rollout's halt rule (logged by the rollouts, 4191).
                if (normalised.Status != DeploymentStatus.Applied.ToName())
                {
                    await rollouts.CheckAfterReportAsync(normalised.PackageId, normalised.Version, ct);
                }

                return Results.Created((string?)null, normalised);
            }

            ReportLog.Duplicate(log, normalised.ReportId, installation);
            return Results.Ok(normalised);
        });
        return app;
    }
}
