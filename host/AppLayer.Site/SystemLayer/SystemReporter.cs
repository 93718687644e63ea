using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;
using AppLayer.Site.Agent;

namespace AppLayer.Site.SystemLayer;

/// <summary>
/// Sends the waiting inventory and rehearsal reports (<c>&lt;db&gt;.applayer/inventory/</c>, <c>rehearsals/</c>), each with its
/// id as the idempotency key; what the host does not take (down, or refused) waits for the next run.
/// </summary>
internal sealed class SystemReporter(SitePaths paths, TextWriter output)
{
    public ReportFolder<InventoryReportDto> Inventory { get; } = new(Path.Combine(paths.Root, "inventory"));

    public ReportFolder<RehearsalReportDto> Rehearsals { get; } = new(Path.Combine(paths.Root, "rehearsals"));

    /// <returns>Reports the host took, and those still waiting.</returns>
    public async Task<(int Sent, int Pending)> SendAsync(AppLayerClient client, CancellationToken cancellationToken)
    {
        int sent = 0, pending = 0;
        foreach (var (file, report) in Inventory.Pending())
        {
            if (await SendOneAsync(client, Inventory, ApiRoutes.SiteInventory, report, report.ReportId, "the inventory", file, cancellationToken))
            {
                sent++;
            }
            else
            {
                pending++;
            }
        }

        foreach (var (file, report) in Rehearsals.Pending())
        {
            if (await SendOneAsync(client, Rehearsals, ApiRoutes.SiteRehearsals, report, report.ReportId, $"the rehearsal of {report.PackageId} {report.Version}", file, cancellationToken))
            {
                sent++;
            }
            else
            {
                pending++;
            }
        }

        return (sent, pending);
    }

    private async Task<bool> SendOneAsync<T>(AppLayerClient client, ReportFolder<T> folder, string path, T report, string reportId, string what, string file, CancellationToken cancellationToken)
    {
        try
        {
            var (accepted, problem) = await client.PostReportAsync(path, report, reportId, cancellationToken);
            if (accepted)
            {
                folder.MarkSent(file);
                return true;
            }

            await output.WriteLineAsync($"warning: the host refused {what} ({problem}); kept for the next run.");
        }
        catch (HostUnreachableException ex)
        {
            await output.WriteLineAsync($"warning: {what} was not reported: {ex.Message}; kept for the next run.");
        }

        return false;
    }
}
