using AppLayer.Core.Releases;
using AppLayer.Core.SystemLayer;
using AppLayer.Host.Dashboard;

namespace AppLayer.Host.SystemLayer;

/// <summary>For managers: installations running unsupported (or soon unsupported) software, and gated updates awaiting approval.</summary>
internal static class SupportPage
{
    public const string Path = "/dashboard/support";

    public static async Task<IResult> ShowAsync(int? within, InventoryService inventory, ReleaseGateService gates, CancellationToken ct)
    {
        var fleet = await inventory.FleetAsync(within, ct);
        var flagged = fleet.Where(i => SupportStates.IsFlagged(i.Support)).ToList();
        var allGates = await gates.ListAsync(ct);
        return new HtmlPage("Support", "support.html", new
        {
            At = fleet.Count > 0 ? fleet[0].At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Within = within ?? SupportStates.DefaultWithinDays,
            Reported = fleet.Count(i => i.ReportedAt is not null),
            Flagged = flagged.Select(SupportView.Installation).ToList(),
            Gates = allGates.Select(g => new
            {
                Name = $"{g.PackageId} {g.Version}",
                GatedBy = g.GatedBy,
                Installations = g.Installations.Select(i => new
                {
                    i.Installation,
                    i.Customer,
                    Rehearsal = i.LastRehearsal is null ? "not rehearsed yet" : (i.LastRehearsal.Succeeded ? "succeeded " : "FAILED ") + i.LastRehearsal.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    RehearsalClass = i.LastRehearsal is null ? "muted" : i.LastRehearsal.Succeeded ? "ok" : "bad",
                    Approved = i.ApprovedAt is { } at ? $"{at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} by {i.ApprovedBy}" : "not approved",
                }).ToList(),
            }).ToList(),
        });
    }
}
