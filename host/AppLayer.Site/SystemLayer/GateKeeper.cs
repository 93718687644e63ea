using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;
using AppLayer.Sdk;
using AppLayer.Site.Agent;
using AppLayer.Site.Packages;
using NuGet.Versioning;

namespace AppLayer.Site.SystemLayer;

/// <summary>
/// The site's side of the approval gate. Right before an update is applied the host is asked again whether it is
/// gated and approved for this installation; when the host cannot be asked, what it listed at the last pull holds
/// (a cached update listed <c>rehearse-only</c> is never applied). A gated, unapproved update is only rehearsed on a
/// fresh copy of the IS database, and the rehearsal's outcome becomes a report for the host.
/// </summary>
internal sealed class GateKeeper(SitePaths paths, SiteAgentOptions options)
{
    /// <summary>The copy a gated update is rehearsed on; removed after each rehearsal.</summary>
    public string RehearsalCopy => Path.Combine(paths.RehearsalFolder, "gate-rehearsal.db");

    public ReportFolder<RehearsalReportDto> Reports { get; } = new(Path.Combine(paths.Root, "rehearsals"));

    /// <returns><c>true</c> when the update is not gated or is approved for this installation.</returns>
    public async Task<bool> MayApplyAsync(Enrollment enrollment, CachedPackage package, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new AppLayerClient(enrollment.Host, enrollment.Key, AppLayerClientOptions.ForSite(options.HostTimeout));
            var gate = await client.GetGateAsync(package.Listing.Id, Normalized(package.Listing.Version), cancellationToken);
            return !gate.Gated || gate.Approved;
        }
        catch (Exception ex) when (ex is HostUnreachableException or UserException)
        {
            // The host cannot tell now: what it listed when the update was pulled holds.
            return !string.Equals(package.Listing.Gate, GateHistoryKinds.RehearseOnly, StringComparison.Ordinal);
        }
    }

    /// <summary>Whether this exact package (id, version, SHA-512) was rehearsed here successfully already.</summary>
    public bool RehearsedSuccessfully(CachedPackage package) =>
        Reports.All().Any(r => r.Succeeded
            && string.Equals(r.PackageId, package.Listing.Id, StringComparison.OrdinalIgnoreCase)
            && Normalized(r.Version) == Normalized(package.Listing.Version)
            && string.Equals(r.Sha512, package.Listing.Sha512, StringComparison.Ordinal));

    public RehearsalReportDto Record(CachedPackage package, UpdateManifest manifest, UpdateOutcome outcome)
    {
        var message = outcome.Succeeded
            ? "preflight, apply and verify passed on a copy of the IS database; nothing was applied to the IS"
            : outcome.Message;
        message = message.Length <= 4000 ? message : message[..3997] + "...";
        var report = new RehearsalReportDto(Guid.NewGuid().ToString(), manifest.Id, Normalized(manifest.Version), outcome.Succeeded, message, package.Listing.Sha512, options.Clock.GetUtcNow());
        Reports.Write(report.ReportId, report);
        return report;
    }

    private static string Normalized(string version) => NuGetVersion.TryParse(version, out var v) ? v.ToNormalizedString() : version;
}
