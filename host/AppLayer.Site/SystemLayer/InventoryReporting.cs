using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;
using AppLayer.Site.Agent;
using AppLayer.Site.Checks;

namespace AppLayer.Site.SystemLayer;

/// <summary>After <c>site check</c>: the inventory becomes a report (<c>&lt;db&gt;.applayer/inventory/</c>) and is sent with what else waits.</summary>
internal static class InventoryReporting
{
    public static async Task<CheckReport> ReportAsync(SitePaths paths, Enrollment enrollment, CheckReport check, SiteAgentOptions options, CancellationToken cancellationToken)
    {
        var components = InventoryCollector.Collect(check.Inventory);
        var report = new InventoryReportDto(Guid.NewGuid().ToString(), check.At, components);
        var reporter = new SystemReporter(paths, options.Output);
        reporter.Inventory.Write(report.ReportId, report);
        using var client = new AppLayerClient(enrollment.Host, enrollment.Key, AppLayerClientOptions.ForSite(options.HostTimeout));
        await reporter.SendAsync(client, cancellationToken);
        var reported = reporter.Inventory.Pending().All(p => p.Report.ReportId != report.ReportId);
        if (reported)
        {
            await options.Output.WriteLineAsync($"inventory reported to {enrollment.Host}: {string.Join(", ", components.Select(c => $"{c.Component} {c.Version}"))}");
        }

        return check with { Components = components, InventoryReported = reported };
    }
}
