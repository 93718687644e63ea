using System.Globalization;
using AppLayer.Core.Customers;
using AppLayer.Core.Installations;
using AppLayer.Core.Releases;
using AppLayer.Feed.Integrity;
using AppLayer.Feed.Tuf;

namespace AppLayer.Host.Dashboard;

/// <summary>The fleet: every installation × release, its latest deployment, and the deployments that are failing now; four queries, however large the fleet.</summary>
internal static class FleetPage
{
    public static async Task<IResult> ShowAsync(
        HttpContext context,
        ICustomerStore customers,
        IInstallationStore installations,
        IDeploymentStore deployments,
        IReleaseStore releases,
        TufRepository tuf,
        PackageIntegrity integrity,
        TimeProvider time,
        CancellationToken ct)
    {
        var viewer = Viewer.From(context.User);
        var visible = (await customers.ListAsync(ct)).Where(viewer.CanSee).ToList();
        var sites = (await installations.ListAsync(ct)).ToLookup(i => i.CustomerId);
        var allReleases = await releases.ListAsync(ct);
        var deploymentsOf = (await deployments.ListAllAsync(ct)).ToLookup(d => d.InstallationId);
        var rows = new List<object>();
        var failing = new List<object>();
        foreach (var customer in visible)
        {
            if (!sites[customer.Id].Any())
            {
                rows.Add(Row(customer, null, null, []));
            }

            foreach (var site in sites[customer.Id])
            {
                var done = deploymentsOf[site.Id].ToList();
                var current = done.GroupBy(d => (d.PackageId.ToUpperInvariant(), d.Version.ToUpperInvariant())).Select(g => g.MaxBy(d => d.At)!).ToList();
                var applied = current.Where(d => d.Status == DeploymentStatus.Applied).Select(d => $"{d.PackageId}@{d.Version}").ToHashSet(StringComparer.OrdinalIgnoreCase);
                rows.Add(Row(customer, site, done.MaxBy(d => d.At), allReleases.Select(r => ReleaseCell(r, applied)).ToList()));
                failing.AddRange(current.Where(d => d.Status is DeploymentStatus.Failed or DeploymentStatus.RolledBack).Select(d => (object)new
                {
                    Customer = customer.Code,
                    CustomerUrl = CustomerPage.Url(customer.Code),
                    Installation = site.Code,
                    Package = $"{d.PackageId} {d.Version}",
                    Status = Status(d.Status),
                    At = When(d.At),
                    d.Message,
                }));
            }
        }

        return new HtmlPage("Fleet", "fleet.html", new
        {
            Releases = allReleases.Select(r => r.Name).ToList(),
            Rows = rows,
            Failing = failing,
            CustomerCount = visible.Count,
            Feed = viewer.IsManager ? Feed(tuf, integrity, time.GetUtcNow()) : null,
        });
    }

    /// <summary>The signed feed as a manager needs to see it: each role's version and expiry, and every package found damaged on disk.</summary>
    private static object Feed(TufRepository tuf, PackageIntegrity integrity, DateTimeOffset now) => new
    {
        Roles = (tuf.IsInitialized ? tuf.Status() : []).Select(r => new
        {
            r.File,
            r.Version,
            Expires = When(r.Expires),
            SignedAgain = r.RefreshAt is { } at ? When(at) : "by hand (offline root key)",
            State = r.IsExpired(now) ? "expired" : "fresh",
            Class = r.IsExpired(now) ? "bad" : "ok",
        }).ToList(),
        Damaged = integrity.Damaged.Select(d => new { Package = $"{d.Id} {d.Version}", d.Reason, FoundAt = When(d.FoundAt) }).ToList(),
        LastScrub = integrity.LastScrub is { } scrub ? $"{When(scrub.At)}: {scrub.Checked} package(s) checked, {scrub.Damaged.Count} damaged" : "not yet",
    };

    private static object Row(Customer customer, Installation? site, Deployment? latest, List<object> releases) => new
    {
        Customer = customer.Code,
        CustomerName = customer.Name,
        CustomerUrl = CustomerPage.Url(customer.Code),
        Installation = site?.Code ?? "—",
        InstallationName = site?.Name ?? "no installation yet",
        IsVersion = site?.IsVersion ?? string.Empty,
        Latest = latest is null ? "—" : $"{latest.PackageId} {latest.Version} {Status(latest.Status)} {When(latest.At)}",
        LatestClass = latest?.Status is DeploymentStatus.Failed or DeploymentStatus.RolledBack ? "bad" : string.Empty,
        Releases = releases,
    };

    private static object ReleaseCell(Release release, HashSet<string> applied)
    {
        var count = release.Packages.Count(applied.Contains);
        var (text, css) = count == release.Packages.Count ? ("applied", "ok") : count == 0 ? ("—", "none") : ($"{count}/{release.Packages.Count}", "partial");
        return new { Text = text, Class = css };
    }

    public static string Status(DeploymentStatus status) => status.ToName();

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
