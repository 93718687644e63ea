using AppLayer.Sdk;
using AppLayer.Site.Agent;
using AppLayer.Site.Packages;
using NodaTime;
using NuGet.Versioning;

namespace AppLayer.Site.Planning;

/// <summary>
/// Computes the plan from the installation's facts (IS version, modules, time zone), what is applied
/// here (with hashes) and what is cached: dependencies first, IS version ranges, effective dates
/// (a legislative update due within <see cref="WarnDays"/> days or already in force and not applied is
/// a warning) and the maintenance window. It changes nothing.
/// </summary>
internal static class SitePlanner
{
    public const int WarnDays = 30;

    public static async Task<SitePlan> PlanAsync(SitePaths paths, SiteDatabase database, Enrollment enrollment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var isVersion = await database.ReadIsVersionAsync(cancellationToken);
        var history = await database.ReadHistoryAsync(unreportedOnly: false, cancellationToken);
        var applied = await database.ReadAppliedAsync(cancellationToken);
        var window = await SiteSettings.ReadWindowAsync(database, enrollment.TimeZone, cancellationToken);
        var open = window is null || window.IsOpen(now);
        var items = new List<PlanItem>();
        var pending = new Dictionary<string, (UpdateManifest Manifest, CachedPackage Package)>(StringComparer.OrdinalIgnoreCase);

        foreach (var package in new PackageCache(paths.Packages).List())
        {
            UpdateManifest manifest;
            try
            {
                await PackageHash.VerifyAsync(package.Path, $"cached {package.Listing.Id} {package.Listing.Version}", package.Listing.Size, package.Listing.Sha512, cancellationToken);
                manifest = PackageManifestReader.Read(package.Path);
            }
            catch (Exception ex) when (ex is PackageIntegrityException or ManifestException)
            {
                items.Add(Item(null, package.Listing.Id, package.Listing.Version, package.Listing.Kind, package.Listing.Title, null, [], "?", package.Listing.Sha512, "refused", ex.Message) with { Gate = package.Listing.Gate });
                continue;
            }

            var version = NuGetVersion.Parse(manifest.Version);
            var same = history.FirstOrDefault(h => h.PackageId.Equals(manifest.Id, StringComparison.OrdinalIgnoreCase) && NuGetVersion.Parse(h.Version) == version);
            if (same is not null)
            {
                var hashDiffers = !string.Equals(same.Sha512, package.Listing.Sha512, StringComparison.Ordinal);
                items.Add(Item(null, manifest, package, hashDiffers ? "refused" : "applied", hashDiffers ? $"applied here from a package with SHA-512 {same.Sha512}; this one differs" : $"applied {same.AppliedAt:yyyy-MM-dd HH:mm} UTC"));
            }
            else if (applied.TryGetValue(manifest.Id, out var have) && have > version)
            {
                items.Add(Item(null, manifest, package, "applied", $"{manifest.Id} {have} is applied"));
            }
            else if (!pending.TryGetValue(manifest.Id, out var other) || NuGetVersion.Parse(other.Manifest.Version) < version)
            {
                pending[manifest.Id] = (manifest, package);
            }
        }

        var order = 0;
        var held = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var step in UpdatePlanner.Plan(pending.Values.Select(p => p.Manifest).ToList(), applied))
        {
            var (manifest, package) = pending[step.Manifest.Id];
            var reason = step.BlockedBecause ?? UnsupportedIsVersion(manifest, isVersion);
            var heldDependency = manifest.Dependencies.FirstOrDefault(d => held.Contains(d.Id));
            if (reason is not null)
            {
                items.Add(Item(null, manifest, package, "blocked", reason));
            }
            else if (heldDependency is not null)
            {
                held.Add(manifest.Id);
                items.Add(Item(++order, manifest, package, "wait", $"its dependency {heldDependency.Id} awaits a manager's approval"));
            }
            else if (PlanGate.IsRehearseOnly(package.Listing.Gate))
            {
                held.Add(manifest.Id);
                items.Add(Item(++order, manifest, package, "rehearse", "gated: rehearsed on a copy of the IS database only, until a manager approves it"));
            }
            else if (!open && !(manifest.Emergency && manifest.Kind == UpdateKind.Legislative))
            {
                items.Add(Item(++order, manifest, package, "wait", $"outside the maintenance window {window}"));
            }
            else
            {
                items.Add(Item(++order, manifest, package, open ? "apply" : "emergency", open ? null : $"emergency legal update: applies outside the maintenance window {window}"));
            }
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(enrollment.TimeZone) ?? DateTimeZone.Utc;
        var today = Instant.FromDateTimeOffset(now).InZone(zone).Date;
        var warnings = items
            .Where(i => i.Action is not "applied" && i.Kind == nameof(UpdateKind.Legislative) && i.EffectiveDate is not null)
            .Select(i => EffectiveWarning(i, today.ToDateOnly()))
            .OfType<string>()
            .ToList();
        return new SitePlan(
            enrollment.Installation,
            enrollment.Customer,
            isVersion.ToNormalizedString(),
            enrollment.Modules,
            enrollment.TimeZone,
            now,
            window?.ToString(),
            open,
            window?.NextOpening(now),
            items.OrderBy(i => i.Order ?? int.MaxValue).ToList(),
            warnings);
    }

    private static string? UnsupportedIsVersion(UpdateManifest manifest, NuGetVersion isVersion)
    {
        if (!VersionRange.TryParse(manifest.IsVersionRange, out var range))
        {
            return $"isVersionRange '{manifest.IsVersionRange}' is not a version range";
        }

        return range.Satisfies(isVersion) ? null : $"it supports IS versions {manifest.IsVersionRange} but this IS is {isVersion.ToNormalizedString()}";
    }

    private static string? EffectiveWarning(PlanItem item, DateOnly today)
    {
        var days = item.EffectiveDate!.Value.DayNumber - today.DayNumber;
        var what = $"{item.Id} {item.Version} ({string.Join(", ", item.LegalReferences)})";
        return days switch
        {
            < 0 => $"{what} took effect on {item.EffectiveDate:yyyy-MM-dd}, {-days} day(s) ago, and is NOT applied",
            0 => $"{what} takes effect TODAY and is NOT applied",
            <= WarnDays => $"{what} takes effect on {item.EffectiveDate:yyyy-MM-dd}, in {days} day(s), and is not applied yet",
            _ => null,
        };
    }

    private static PlanItem Item(int? order, UpdateManifest manifest, CachedPackage package, string action, string? reason) =>
        Item(order, manifest.Id, NuGetVersion.Parse(manifest.Version).ToNormalizedString(), manifest.Kind.ToString(), manifest.Title, manifest.EffectiveDate, manifest.LegalReferences, manifest.IsVersionRange, package.Listing.Sha512, action, reason) with { Gate = package.Listing.Gate };

    private static PlanItem Item(int? order, string id, string version, string kind, string title, DateOnly? effective, IReadOnlyList<string> legal, string range, string sha512, string action, string? reason) =>
        new(order, id, version, kind, title, effective, legal, range, sha512, action, reason);
}
