using AppLayer.Core;
using AppLayer.Core.Common;
using AppLayer.Core.Releases;
using AppLayer.Feed;
using AppLayer.Protocol.Offline;

namespace AppLayer.Host.Offline;

/// <summary>
/// Stores the reports an offline site exported, each through the same idempotent path as
/// <c>POST /api/site/reports</c>: a report id seen before stores nothing. Every report is checked
/// before the first is stored, so a bad file stores nothing.
/// </summary>
internal sealed class ReportImporter(IInstallationStore installations, ICustomerStore customers, IPackageStore packages, SiteService sites, ILogger<ReportImporter> logger)
{
    /// <param name="file">The exported reports.</param>
    /// <param name="siteInstallationId">The installation of the site key that sent them; <c>null</c> for a manager key.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <exception cref="UserException">A wrong format, an unknown package or status, or a report without an id.</exception>
    /// <exception cref="NotFoundException">No such installation.</exception>
    /// <exception cref="ConflictException">The file is another installation's than the site key's, or names another customer.</exception>
    public async Task<ReportImportResultDto> ImportAsync(ReportExportDto file, long? siteInstallationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ReportLog.FileReceived(logger, file.Installation, file.Customer, file.Reports?.Count ?? 0);
        try
        {
            return await ImportCheckedAsync(file, siteInstallationId, cancellationToken);
        }
        catch (Exception ex) when (ex is UserException or NotFoundException or ConflictException)
        {
            ReportLog.FileRefused(logger, file.Installation, ex.Message);
            throw;
        }
    }

    private async Task<ReportImportResultDto> ImportCheckedAsync(ReportExportDto file, long? siteInstallationId, CancellationToken cancellationToken)
    {
        if (file.Format != OfflineBundleLayout.ReportFormat)
        {
            throw new UserException($"The report file has format {file.Format}; this host reads format {OfflineBundleLayout.ReportFormat}.");
        }

        var installation = await installations.FindAsync(Require.Text(file.Installation, "Installation"), cancellationToken)
            ?? throw new NotFoundException($"Installation '{file.Installation}' does not exist.");
        if (siteInstallationId is { } own && own != installation.Id)
        {
            throw new ConflictException($"The reports are installation '{installation.Code}''s; this site key belongs to another installation.");
        }

        var customer = await customers.FindByIdAsync(installation.CustomerId, cancellationToken);
        if (customer is null || !string.Equals(customer.Code, file.Customer, StringComparison.OrdinalIgnoreCase))
        {
            throw new ConflictException($"The report file names customer '{file.Customer}', but installation '{installation.Code}' is {customer?.Code ?? "no customer"}'s.");
        }

        var reports = new List<DeploymentReportDto>();
        foreach (var report in file.Reports ?? [])
        {
            Require.Text(report.ReportId, "Report id", 200);
            KebabNames.Parse<DeploymentStatus>(report.Status, "Deployment status");
            var normalised = report with { Version = FeedVersions.NormalizeOrThrow(report.Version) };
            if (await packages.FindAsync(normalised.PackageId, normalised.Version, cancellationToken) is null)
            {
                throw new UserException($"Report '{report.ReportId}' is on {report.PackageId} {report.Version}, which is not in the feed; nothing was imported.");
            }

            reports.Add(normalised);
        }

        int stored = 0, repeated = 0;
        foreach (var report in reports)
        {
            if (await sites.ReportAsync(installation.Id, report, cancellationToken))
            {
                ReportLog.Recorded(logger, report.ReportId, installation.Id, report.PackageId, report.Version, report.Status);
                stored++;
            }
            else
            {
                ReportLog.Duplicate(logger, report.ReportId, installation.Id);
                repeated++;
            }
        }

        ReportLog.Imported(logger, installation.Code, stored, repeated);
        return new ReportImportResultDto(installation.Code, stored, repeated);
    }
}
