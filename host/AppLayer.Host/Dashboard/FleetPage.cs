using AppLayer.Core.Compliance;
using AppLayer.Core.LegalChanges;
using AppLayer.Core.Releases;
using AppLayer.Core.SystemLayer;
using AppLayer.Feed.Integrity;
using AppLayer.Feed.Tuf;

namespace AppLayer.Host.Dashboard;

/// <summary>
/// The fleet: a summary (installations, up to date, failing, exposed, unsupported software), then every installation
/// worst first, filtered, sorted and paged, with the customer's name first. Ten queries, however large the fleet.
/// </summary>
internal static class FleetPage
{
    private const int ReleaseColumns = 5;
    private const int FailingShown = 50;

    public static async Task<IResult> ShowAsync(
        [Microsoft.AspNetCore.Http.AsParameters] FleetFilter filter,
        HttpContext context,
        FleetReader reader,
        IReleaseStore releases,
        ILegalChangeStore changes,
        ISystemInventoryStore inventories,
        ISupportDateStore supportDates,
        TufRepository tuf,
        PackageIntegrity integrity,
        TimeProvider time,
        CancellationToken ct)
    {
        filter = filter.Checked();
        var viewer = Viewer.From(context.User);
        var zone = ViewerZone.From(context);
        var fleet = await reader.ReadAsync(ct);
        var allReleases = await releases.ListAsync(ct);
        var radar = ComplianceRadar.Compute(await changes.ListAsync(ct), fleet, SupplierCalendar.Today(time));
        var stored = (await inventories.ListAsync(ct)).ToDictionary(s => s.InstallationId);
        var known = await supportDates.ListAsync(ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

        var rows = Rows(fleet, radar, stored, known, today, viewer);
        var filtered = Sorted(rows.Where(r => Matches(r, filter, allReleases)), filter.Sort).ToList();
        var pages = Math.Max(1, (filtered.Count + FleetFilter.PageSize - 1) / FleetFilter.PageSize);
        var page = Math.Min(filter.Page ?? 1, pages);
        var shownReleases = allReleases.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(ReleaseColumns).Reverse().ToList();
        var query = filter.Query();
        string PageUrl(int n) => DashboardDefaults.Root + new QueryBuilder(query) { { "page", n.ToString(CultureInfo.InvariantCulture) } };
        string StateUrl(string state) => DashboardDefaults.Root + new QueryBuilder { { "state", state } };
        var sited = rows.Where(r => r.Installation is not null).ToList();
        var failing = rows.SelectMany(r => r.Failing.Select(d => (Row: r, Deployment: d))).OrderByDescending(f => f.Deployment.At).ToList();

        return new HtmlPage("Fleet", "fleet.html", new
        {
            Summary = new
            {
                Installations = sited.Count,
                UpToDate = sited.Count(r => r.IsUpToDate),
                Failing = sited.Count(r => r.IsFailing),
                Exposed = sited.Count(r => r.IsExposed),
                Unsupported = sited.Count(r => r.Unsupported),
                Customers = rows.Select(r => r.Customer.Id).Distinct().Count(),
                UpToDateUrl = StateUrl("up-to-date"),
                FailingUrl = StateUrl("failing"),
                ExposedUrl = StateUrl("exposed"),
                UnsupportedUrl = StateUrl("unsupported"),
            },
            Filter = new
            {
                State = filter.State ?? string.Empty,
                Release = filter.Release ?? string.Empty,
                Version = filter.Version ?? string.Empty,
                Module = filter.Module ?? string.Empty,
                Customer = filter.Customer ?? string.Empty,
                Q = filter.Q ?? string.Empty,
                Sort = filter.Sort ?? "state",
            },
            States = Options(FleetFilter.States, filter.State),
            Sorts = Options(FleetFilter.Sorts, filter.Sort ?? "state"),
            ReleaseOptions = Options(allReleases.Select(r => r.Name), filter.Release),
            VersionOptions = Options(sited.Select(r => r.Installation!.IsVersion).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(v => v, VersionOrder.Instance), filter.Version),
            ModuleOptions = Options(sited.SelectMany(r => r.Installation!.Modules).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal), filter.Module),
            Filtered = query.Count > 0,
            Matching = filtered.Count,
            Page = page,
            Pages = pages,
            FirstUrl = page > 1 ? PageUrl(1) : string.Empty,
            PreviousUrl = page > 1 ? PageUrl(page - 1) : string.Empty,
            NextUrl = page < pages ? PageUrl(page + 1) : string.Empty,
            LastUrl = page < pages ? PageUrl(pages) : string.Empty,
            Zone = zone.Id,
            Releases = shownReleases.Select(r => r.Name).ToList(),
            Rows = filtered.Skip((page - 1) * FleetFilter.PageSize).Take(FleetFilter.PageSize).Select(r => View(r, shownReleases, zone)).ToList(),
            Failing = failing.Take(FailingShown).Select(f => new
            {
                Customer = f.Row.Customer.Name,
                CustomerCode = f.Row.Customer.Code,
                CustomerUrl = CustomerPage.Url(f.Row.Customer.Code),
                Installation = f.Row.Installation!.Code,
                Package = $"{f.Deployment.PackageId} {f.Deployment.Version}",
                Status = Status(f.Deployment.Status),
                At = zone.When(f.Deployment.At),
                f.Deployment.Message,
            }).ToList(),
            FailingMore = Math.Max(0, failing.Count - FailingShown),
            FailingUrl = StateUrl("failing"),
            Feed = viewer.IsManager ? Feed(tuf, integrity, time.GetUtcNow(), zone) : null,
        });
    }

    /// <summary>One row per installation the viewer may see (and one per customer without any), judged on today.</summary>
    private static List<FleetRow> Rows(Fleet fleet, Protocol.Api.ComplianceReportDto radar, Dictionary<long, StoredInventory> stored, IReadOnlyList<SupportDate> known, DateOnly today, Viewer viewer)
    {
        var sites = fleet.Installations.ToLookup(i => i.CustomerId);
        var deploymentsOf = fleet.Deployments.ToLookup(d => d.InstallationId);
        var radarRows = radar.Changes.SelectMany(c => c.Installations).ToLookup(i => i.Installation, StringComparer.OrdinalIgnoreCase);
        var rows = new List<FleetRow>();
        foreach (var customer in fleet.Customers.Where(viewer.CanSee))
        {
            if (!sites[customer.Id].Any())
            {
                rows.Add(new FleetRow(customer, null, null, [], 0, false, new HashSet<string>(), false));
            }

            foreach (var site in sites[customer.Id])
            {
                var done = deploymentsOf[site.Id].ToList();
                var current = done.GroupBy(d => (d.PackageId.ToUpperInvariant(), d.Version.ToUpperInvariant())).Select(g => g.MaxBy(d => (d.At, d.Id))!).ToList();
                var applied = current.Where(d => d.Status == DeploymentStatus.Applied).Select(d => $"{d.PackageId}@{d.Version}").ToHashSet(StringComparer.OrdinalIgnoreCase);
                var failing = current.Where(d => d.Status is DeploymentStatus.Failed or DeploymentStatus.RolledBack).ToList();
                var states = radarRows[site.Code].ToList();
                var support = stored.TryGetValue(site.Id, out var inventory) ? SupportAssessor.Worst(SupportAssessor.Assess(inventory.Items, known, today, SupportStates.DefaultWithinDays)) : SupportStates.Untracked;
                rows.Add(new FleetRow(
                    customer,
                    site,
                    done.MaxBy(d => (d.At, d.Id)),
                    failing,
                    states.Count(s => s.State == "exposed"),
                    support == SupportStates.Unsupported,
                    applied,
                    states.Any(s => s.State == "scheduled" && s.UpdateAvailable)));
            }
        }

        return rows;
    }

    private static bool Matches(FleetRow row, FleetFilter filter, IReadOnlyList<Release> releases)
    {
        if (!string.IsNullOrWhiteSpace(filter.State) && !row.Has(filter.State.Trim()))
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(filter.Release))
        {
            var release = releases.FirstOrDefault(r => string.Equals(r.Name, filter.Release.Trim(), StringComparison.OrdinalIgnoreCase));
            if (row.Installation is null || (release is not null && row.HasApplied(release)))
            {
                return false;
            }
        }

        if (!string.IsNullOrWhiteSpace(filter.Version) && !string.Equals(row.Installation?.IsVersion, filter.Version.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(filter.Module) && row.Installation?.Modules.Contains(filter.Module.Trim(), StringComparer.OrdinalIgnoreCase) != true)
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(filter.Customer) && !TextFold.Contains(TextFold.Fold(filter.Customer.Trim()), row.Customer.Code, row.Customer.Name))
        {
            return false;
        }

        return string.IsNullOrWhiteSpace(filter.Q)
            || TextFold.Contains(TextFold.Fold(filter.Q.Trim()), row.Customer.Code, row.Customer.Name, row.Installation?.Code, row.Installation?.Name, row.Installation?.IsVersion);
    }

    private static IEnumerable<FleetRow> Sorted(IEnumerable<FleetRow> rows, string? sort)
    {
        var names = StringComparer.Create(CultureInfo.GetCultureInfo("cs-CZ"), ignoreCase: true);
        return (sort?.Trim() ?? "state") switch
        {
            "customer" => rows.OrderBy(r => r.Customer.Name, names).ThenBy(r => r.Installation?.Code, StringComparer.OrdinalIgnoreCase),
            "installation" => rows.OrderBy(r => r.Installation is null).ThenBy(r => r.Installation?.Code, StringComparer.OrdinalIgnoreCase),
            "version" => rows.OrderBy(r => r.Installation is null).ThenByDescending(r => r.Installation?.IsVersion, VersionOrder.Instance).ThenBy(r => r.Customer.Name, names),
            "latest" => rows.OrderByDescending(r => r.Latest?.At ?? DateTimeOffset.MinValue).ThenBy(r => r.Customer.Name, names),
            _ => rows.OrderBy(r => Rank(r.State)).ThenByDescending(r => r.ExposedTo).ThenBy(r => r.Customer.Name, names).ThenBy(r => r.Installation?.Code, StringComparer.OrdinalIgnoreCase),
        };
    }

    private static int Rank(string state) => Array.IndexOf(FleetFilter.States, state);

    private static object View(FleetRow r, IReadOnlyList<Release> releases, ViewerZone zone) => new
    {
        Customer = r.Customer.Code,
        CustomerName = r.Customer.Name,
        CustomerUrl = CustomerPage.Url(r.Customer.Code),
        Installation = r.Installation?.Code ?? "—",
        InstallationName = r.Installation?.Name ?? "no installation yet",
        IsVersion = r.Installation?.IsVersion ?? string.Empty,
        r.State,
        StateClass = r.State switch { "failing" or "exposed" or "unsupported" => "bad", "behind" => "partial", "up-to-date" => "ok", _ => "muted" },
        Exposed = r.ExposedTo,
        Latest = r.Latest is null ? "—" : $"{r.Latest.PackageId} {r.Latest.Version} {Status(r.Latest.Status)} {zone.When(r.Latest.At)}",
        LatestClass = r.Latest?.Status is DeploymentStatus.Failed or DeploymentStatus.RolledBack ? "bad" : string.Empty,
        Releases = r.Installation is null ? releases.Select(_ => (object)new { Text = "", Class = "none" }).ToList() : releases.Select(rel => ReleaseCell(rel, r.Applied)).ToList(),
    };

    private static List<object> Options(IEnumerable<string> values, string? selected) =>
        [.. values.Select(v => (object)new { Value = v, Selected = string.Equals(v, selected?.Trim(), StringComparison.OrdinalIgnoreCase) })];

    /// <summary>The signed feed as a manager needs to see it: each role's version and expiry, and every package found damaged on disk.</summary>
    private static object Feed(TufRepository tuf, PackageIntegrity integrity, DateTimeOffset now, ViewerZone zone) => new
    {
        Roles = (tuf.IsInitialized ? tuf.Status() : []).Select(r => new
        {
            r.File,
            r.Version,
            Expires = zone.When(r.Expires),
            SignedAgain = r.RefreshAt is { } at ? zone.When(at) : "by hand (offline root key)",
            State = r.IsExpired(now) ? "expired" : "fresh",
            Class = r.IsExpired(now) ? "bad" : "ok",
        }).ToList(),
        Damaged = integrity.Damaged.Select(d => new { Package = $"{d.Id} {d.Version}", d.Reason, FoundAt = zone.When(d.FoundAt) }).ToList(),
        LastScrub = integrity.LastScrub is { } scrub ? $"{zone.When(scrub.At)}: {scrub.Checked} package(s) checked, {scrub.Damaged.Count} damaged" : "not yet",
    };

    private static object ReleaseCell(Release release, IReadOnlySet<string> applied)
    {
        var count = release.Packages.Count(applied.Contains);
        var (text, css) = count == release.Packages.Count ? ("applied", "ok") : count == 0 ? ("—", "none") : ($"{count}/{release.Packages.Count}", "partial");
        return new { Text = text, Class = css };
    }

    public static string Status(DeploymentStatus status) => status.ToName();

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>IS versions in version order ("5.10.0" after "5.9.1"), text order where one is not a version.</summary>
    private sealed class VersionOrder : IComparer<string?>
    {
        public static readonly VersionOrder Instance = new();

        public int Compare(string? x, string? y) =>
            Version.TryParse(x, out var a) && Version.TryParse(y, out var b) ? a.CompareTo(b) : string.Compare(x, y, StringComparison.OrdinalIgnoreCase);
    }
}
