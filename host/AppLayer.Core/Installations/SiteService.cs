using System.Globalization;
using AppLayer.Core.Common;
using AppLayer.Core.Customers;
using AppLayer.Core.History;
using AppLayer.Core.Releases;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;

namespace AppLayer.Core.Installations;

/// <summary>What a site agent asks of the host: who it is, and where its reports go.</summary>
public sealed class SiteService(
    IInstallationStore installations,
    ICustomerStore customers,
    IPackageStore packages,
    IDeploymentStore deployments,
    LegalChanges.DeploymentTracker tracker)
{
    private const int MaxMessageLength = 4000;

    public async Task<Installation> GetInstallationAsync(long installationId, CancellationToken cancellationToken) =>
        await installations.FindByIdAsync(installationId, cancellationToken)
        ?? throw new NotFoundException("The installation of this site key no longer exists.");

    public async Task<SiteIdentityDto> IdentifyAsync(long installationId, CancellationToken cancellationToken)
    {
        var installation = await GetInstallationAsync(installationId, cancellationToken);
        var customer = await customers.FindByIdAsync(installation.CustomerId, cancellationToken)
            ?? throw new NotFoundException("The customer of this installation no longer exists.");
        return new SiteIdentityDto(installation.Code, customer.Code, installation.IsVersion, installation.Modules, installation.TimeZone);
    }

    /// <summary>Stores a site's report once, with its history event.</summary>
    /// <param name="report">The report, its <see cref="DeploymentReportDto.Version"/> normalised.</param>
    /// <returns><c>true</c> the first time the report id is seen, <c>false</c> for a repeat.</returns>
    /// <exception cref="ConflictException">Another installation sent a report with the same id.</exception>
    public async Task<bool> ReportAsync(long installationId, DeploymentReportDto report, CancellationToken cancellationToken)
    {
        var reportId = Require.Text(report.ReportId, "Report id", 200);
        var installation = await GetInstallationAsync(installationId, cancellationToken);
        if (await IsRepeatAsync(reportId, installation, cancellationToken))
        {
            return false;
        }

        var status = KebabNames.Parse<DeploymentStatus>(report.Status, "Deployment status");
        var package = await packages.FindAsync(report.PackageId, report.Version, cancellationToken)
            ?? throw new UserException($"Package {report.PackageId} {report.Version} is not in the feed.");
        var message = report.Message ?? string.Empty;
        message = message.Length > MaxMessageLength ? message[..MaxMessageLength] : message;

        var deployment = new Deployment(0, installation.Id, package.Id, package.Version, status, message, report.At.ToUniversalTime());
        var historyEvent = HistoryEventFor(installation, package, deployment);
        var stored = await deployments.AddAsync(deployment, reportId, report.Sha512, historyEvent, cancellationToken);
        if (stored is not null)
        {
            // An applied update may complete a change (deployed); a rollback or failure may expose it again.
            await tracker.ReconcileAsync(cancellationToken);
        }

        return stored is not null || !await IsRepeatAsync(reportId, installation, cancellationToken);
    }

    private async Task<bool> IsRepeatAsync(string reportId, Installation installation, CancellationToken cancellationToken)
    {
        var seen = await deployments.FindByReportIdAsync(reportId, cancellationToken);
        if (seen is null)
        {
            return false;
        }

        return seen.InstallationId == installation.Id
            ? true
            : throw new ConflictException($"Report '{reportId}' was sent by another installation.");
    }

    private static HistoryEvent? HistoryEventFor(Installation installation, FeedPackage package, Deployment deployment)
    {
        var (kind, detail) = deployment.Status switch
        {
            DeploymentStatus.Applied => (HistoryKinds.UpdateApplied, AppliedDetail(package)),
            DeploymentStatus.Failed => (HistoryKinds.UpdateFailed, deployment.Message),
            DeploymentStatus.RolledBack => (HistoryKinds.UpdateRolledBack, deployment.Message + "; " + UpdateHoldService.HeldNote(installation.Code)),
            _ => (null, string.Empty),
        };

        if (kind is null)
        {
            return null;
        }

        var subject = string.Create(CultureInfo.InvariantCulture, $"{package.Id} {package.Version}");
        return new HistoryEvent(0, installation.CustomerId, deployment.At, kind, installation.Code, subject, detail)
        {
            Modules = [.. package.Manifest.Modules.Select(m => m.ToLowerInvariant())],
            LegalReferences = package.Manifest.LegalReferences,
        };
    }

    private static string AppliedDetail(FeedPackage package) =>
        package.Manifest.LegalReferences.Count == 0
            ? package.Manifest.Title
            : $"{package.Manifest.Title} ({string.Join("; ", package.Manifest.LegalReferences)})";
}
