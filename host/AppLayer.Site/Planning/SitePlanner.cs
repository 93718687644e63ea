using AppLayer.Protocol;
using AppLayer.Sdk;
using AppLayer.Site.Agent;
using AppLayer.Site.Packages;
using NodaTime;
using NuGet.Versioning;

namespace AppLayer.Site.Planning;

/// <summary>
/// Computes the plan from the installation's facts (IS version, modules, time zone), what is applied
/// here (with hashes), what is cached and what the last pull skipped: dependencies first, IS version
/// ranges, rolled-back updates held (<see cref="Holds"/>), effective dates (a legislative update due within <see cref="WarnDays"/> days or already in
/// force and not applied is a warning), release gates and the maintenance window. It changes nothing.
/// It is the one place these rules live: <c>site plan</c> shows its decisions and <c>site apply</c>/<c>run</c>
/// execute them (<see cref="DecideAsync"/>).
/// </summary>
internal static class SitePlanner
{
    public const int WarnDays = 30;

    public static async Task<SitePlan> PlanAsync(SitePaths paths, SiteDatabase database, Enrollment enrollment, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await DecideAsync(paths, database, enrollment, now, ignoreWindow: false, cancellationToken)).Plan;

    /// <summary>The plan and, for each of its items in order, the cached package and manifest it decides about.</summary>
    /// <param name="ignoreWindow">As <c>--now</c>: the maintenance window does not hold anything back.</param>
    public static async Task<DecidedPlan> DecideAsync(SitePaths paths, SiteDatabase database, Enrollment enrollment, DateTimeOffset now, bool ignoreWindow, CancellationToken cancellationToken)
    {
        var isVersion = await database.ReadIsVersionAsync(cancellationToken);
        var history = await database.ReadHistoryAsync(unreportedOnly: false, cancellationToken);
        var applied = await database.ReadAppliedAsync(cancellationToken);
        var window = ignoreWindow ? null : await SiteSettings.ReadWindowAsync(database, enrollment.TimeZone, cancellationToken);
        var open = window is null || window.IsOpen(now);
        var steps = new List<PlanStep>();
        var pending = new Dictionary<string, (UpdateManifest Manifest, CachedPackage Package)>(StringComparer.OrdinalIgnoreCase);
        var cached = new PackageCache(paths.Packages).List();
        var rollbacks = await Holds.ReadAsync(database, cancellationToken);

        foreach (var package in cached)
        {
            var listing = package.Listing;
            var version = NuGetVersion.Parse(listing.Version);
            var same = history.FirstOrDefault(h => h.PackageId.Equals(listing.Id, StringComparison.OrdinalIgnoreCase) && NuGetVersion.Parse(h.Version) == version);
            if (same is not null && !string.Equals(same.Sha512, listing.Sha512, StringComparison.Ordinal))
            {
                // One id and version is one package for ever: other bytes under the same name are not "already applied".
                steps.Add(new(ListingItem(package, PlanAction.Refused, $"{listing.Id} {version.ToNormalizedString()} was applied here from a package with SHA-512 {same.Sha512}, but this package's SHA-512 is {listing.Sha512}; a published version must never change."), package, null));
                continue;
            }

            if (same is not null)
            {
                steps.Add(new(ListingItem(package, PlanAction.Applied, $"applied {same.AppliedAt:yyyy-MM-dd HH:mm} UTC"), package, null));
                continue;
            }

            if (applied.TryGetValue(listing.Id, out var have) && have >= version)
            {
                steps.Add(new(ListingItem(package, PlanAction.Applied, $"{listing.Id} {have} is applied"), package, null));
                continue;
            }

            if (Holds.HeldBy(rollbacks, listing) is { } rollback)
            {
                steps.Add(new(ListingItem(package, PlanAction.Held, $"held: rolled back here on {rollback.At.ToUniversalTime():yyyy-MM-dd HH:mm} UTC ({rollback.Method}); not applied again until a manager releases the hold (applayer hold release)"), package, null) { HeldBy = rollback });
                continue;
            }

            UpdateManifest manifest;
            try
            {
                // The bytes are checked again before anything reads them: the cache is only a folder.
                await PackageHash.VerifyAsync(package.Path, $"cached {listing.Id} {listing.Version}", listing.Size, listing.Sha512, cancellationToken);
                manifest = PackageManifestReader.Read(package.Path);
                if (!string.Equals(manifest.Id, listing.Id, StringComparison.OrdinalIgnoreCase) || NuGetVersion.Parse(manifest.Version) != version)
                {
                    throw new ManifestException($"the package's {UpdateManifest.FileName} names {manifest.Id} {manifest.Version}, not {listing.Id} {listing.Version}.");
                }
            }
            catch (Exception ex) when (ex is PackageIntegrityException or ManifestException)
            {
                steps.Add(new(ListingItem(package, PlanAction.Refused, ex.Message), package, null));
                continue;
            }

            // Of several cached versions of one update only the newest runs.
            if (!pending.TryGetValue(manifest.Id, out var other) || NuGetVersion.Parse(other.Manifest.Version) < version)
            {
                pending[manifest.Id] = (manifest, package);
            }
        }

        var skipped = new SkipList(paths.Skipped).Read()
            .Where(s => !NuGetVersion.TryParse(s.Version, out var v)
                || !(cached.Any(c => c.Listing.Id.Equals(s.Id, StringComparison.OrdinalIgnoreCase) && NuGetVersion.Parse(c.Listing.Version) == v)
                    || (applied.TryGetValue(s.Id, out var have) && have >= v)))
            .ToList();
        var unverified = skipped.Select(s => s.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var order = 0;
        var held = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase); // id → why it waits, in words for its dependents
        var blocked = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var step in UpdatePlanner.Plan(pending.Values.Select(p => p.Manifest).ToList(), applied, unverified))
        {
            var (manifest, package) = pending[step.Manifest.Id];
            var reason = step.BlockedBecause
                ?? UnsupportedIsVersion(manifest, isVersion)
                ?? manifest.Dependencies.Where(d => blocked.Contains(d.Id)).Select(d => $"its dependency {d.Id} cannot run").FirstOrDefault();
            var heldDependency = manifest.Dependencies.FirstOrDefault(d => held.ContainsKey(d.Id));
            PlanItem item;
            var outsideWindow = false;
            if (reason is not null)
            {
                blocked.Add(manifest.Id);
                item = Item(null, manifest, package, PlanAction.Blocked, reason);
            }
            else if (step.WaitingBecause is not null)
            {
                held[manifest.Id] = "waits";
                item = Item(++order, manifest, package, PlanAction.Wait, step.WaitingBecause);
            }
            else if (heldDependency is not null)
            {
                held[manifest.Id] = "waits";
                item = Item(++order, manifest, package, PlanAction.Wait, $"its dependency {heldDependency.Id} {held[heldDependency.Id]}");
            }
            else if (PlanGate.IsRehearseOnly(package.Listing.Gate))
            {
                held[manifest.Id] = "awaits a manager's approval";
                item = Item(++order, manifest, package, PlanAction.Rehearse, "gated: rehearsed on a copy of the IS database only, until a manager approves it");
            }
            else if (!open && !(manifest.Emergency && manifest.Kind == UpdateKind.Legislative))
            {
                held[manifest.Id] = "waits for the maintenance window";
                outsideWindow = true;
                item = Item(++order, manifest, package, PlanAction.Wait, $"outside the maintenance window {window}");
            }
            else
            {
                item = Item(++order, manifest, package, open ? PlanAction.Apply : PlanAction.Emergency, open ? null : $"emergency legal update: applies outside the maintenance window {window}");
            }

            steps.Add(new(item, package, manifest) { OutsideWindow = outsideWindow });
        }

        steps.AddRange(skipped.Select(s => new PlanStep(
            Item(null, s.Id, s.Version, s.Kind, s.Title, null, [], "?", string.Empty, PlanAction.Skipped, "not verified at the last pull: " + s.Reason), null, null)));

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(enrollment.TimeZone) ?? DateTimeZone.Utc;
        var today = Instant.FromDateTimeOffset(now).InZone(zone).Date;
        var ordered = steps.OrderBy(s => s.Item.Order ?? int.MaxValue).ToList();
        var items = ordered.Select(s => s.Item).ToList();
        var warnings = items
            .Where(i => i.Action is not PlanAction.Applied && i.Kind == nameof(UpdateKind.Legislative) && i.EffectiveDate is not null)
            .Select(i => EffectiveWarning(i, today.ToDateOnly()))
            .OfType<string>()
            .ToList();
        var plan = new SitePlan(
            enrollment.Installation,
            enrollment.Customer,
            isVersion.ToNormalizedString(),
            enrollment.Modules,
            enrollment.TimeZone,
            now,
            window?.ToString(),
            open,
            window?.NextOpening(now),
            items,
            warnings);
        return new DecidedPlan(plan, ordered, window);
    }

    /// <returns>Why this IS cannot take the update, or <c>null</c> when its IS version range holds.</returns>
    public static string? UnsupportedIsVersion(UpdateManifest manifest, NuGetVersion isVersion)
    {
        if (!VersionRange.TryParse(manifest.IsVersionRange, out var range))
        {
            return $"isVersionRange '{manifest.IsVersionRange}' is not a version range";
        }

        return range.Satisfies(isVersion) ? null : $"it supports IS versions {manifest.IsVersionRange} but this IS is {isVersion.ToNormalizedString()}";
    }

    private static PlanItem ListingItem(CachedPackage package, PlanAction action, string reason) =>
        Item(null, package.Listing.Id, NuGetVersion.TryParse(package.Listing.Version, out var v) ? v.ToNormalizedString() : package.Listing.Version, package.Listing.Kind, package.Listing.Title, package.Listing.EffectiveDate, package.Listing.LegalReferences ?? [], "?", package.Listing.Sha512, action, reason) with { Gate = package.Listing.Gate };

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

    private static PlanItem Item(int? order, UpdateManifest manifest, CachedPackage package, PlanAction action, string? reason) =>
        Item(order, manifest.Id, NuGetVersion.Parse(manifest.Version).ToNormalizedString(), manifest.Kind.ToString(), manifest.Title, manifest.EffectiveDate, manifest.LegalReferences, manifest.IsVersionRange, package.Listing.Sha512, action, reason) with { Gate = package.Listing.Gate };

    private static PlanItem Item(int? order, string id, string version, string kind, string title, DateOnly? effective, IReadOnlyList<string> legal, string range, string sha512, PlanAction action, string? reason) =>
        new(order, id, version, kind, title, effective, legal, range, sha512, action, reason);
}
