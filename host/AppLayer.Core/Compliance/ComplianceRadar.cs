using AppLayer.Core.Agreements;
using AppLayer.Core.Installations;
using AppLayer.Core.LegalChanges;
using AppLayer.Core.Releases;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;

namespace AppLayer.Core.Compliance;

/// <summary>
/// The compliance radar, computed from a fleet snapshot and a day (no clock, no I/O): for each legal
/// change and each installation, whether the change is applied there, scheduled, exposed or not
/// entitled; changes sorted by risk. "What if today were <c>at</c>": only packages published and
/// reports made by the end of that day (Europe/Prague) count, and each change shows the status it had then.
/// An update counts as applied at an installation only while its latest outcome there is <c>applied</c>:
/// a later <c>rolled-back</c> or <c>failed</c> report (a rollback, a failed re-apply) exposes it again.
/// </summary>
public static class ComplianceRadar
{
    public const int DefaultHorizonDays = 30;

    /// <param name="statusTrail">The status lines of the changes' audit trails, to show each change's status on
    /// <paramref name="at"/>; without them (or for a change without any) the current status is shown.</param>
    public static ComplianceReportDto Compute(
        IEnumerable<LegalChange> changes,
        Fleet fleet,
        DateOnly at,
        int horizonDays = DefaultHorizonDays,
        string? customerCode = null,
        IReadOnlyList<LegalChangeAudit>? statusTrail = null)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(fleet);
        if (horizonDays < 0)
        {
            throw new UserException("The warning horizon is a number of days, 0 or more.");
        }

        var customers = fleet.Customers.ToDictionary(c => c.Id);
        var installations = fleet.Installations
            .Where(i => customerCode is null || customers[i.CustomerId].Code.Equals(customerCode, StringComparison.OrdinalIgnoreCase))
            .OrderBy(i => i.Code, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var trail = (statusTrail ?? []).ToLookup(a => a.LegalChangeId);
        var report = new List<ComplianceChangeDto>();
        foreach (var change in changes.Where(c => c.Status != LegalChangeStatus.NotApplicable))
        {
            var daysLeft = change.EffectiveDate.DayNumber - at.DayNumber;
            var rows = Assess(change, installations, fleet, at)
                .Select(a => (Assessment: a, State: a.StateFor(daysLeft, horizonDays)))
                .OrderBy(r => r.State)
                .ThenBy(r => r.Assessment.Installation.Code, StringComparer.OrdinalIgnoreCase)
                .Select(r => new ComplianceRowDto(
                    r.Assessment.Installation.Code,
                    customers[r.Assessment.Installation.CustomerId].Code,
                    r.State.ToName(),
                    r.Assessment.Needed.Count > 0,
                    r.Assessment.Missing,
                    r.State == ComplianceState.Applied ? r.Assessment.AppliedAt : null))
                .ToList();
            var exposed = Count(rows, ComplianceState.Exposed);
            report.Add(new ComplianceChangeDto(
                change.Id,
                change.Reference,
                change.References,
                change.Title,
                change.Jurisdiction,
                change.EffectiveDate,
                change.TransitionEndsOn,
                StatusOn(change, trail[change.Id], at).ToName(),
                daysLeft,
                exposed == 0 ? 0 : exposed * (horizonDays - daysLeft + 1),
                Count(rows, ComplianceState.Applied),
                Count(rows, ComplianceState.Scheduled),
                exposed,
                Count(rows, ComplianceState.NotEntitled),
                rows));
        }

        var sorted = report.OrderByDescending(c => c.Risk).ThenBy(c => c.DaysLeft).ThenBy(c => c.Id).ToList();
        return new ComplianceReportDto(
            at,
            horizonDays,
            customerCode,
            sorted.Sum(c => c.Applied),
            sorted.Sum(c => c.Scheduled),
            sorted.Sum(c => c.Exposed),
            sorted.Sum(c => c.NotEntitled),
            sorted);
    }

    /// <summary>
    /// Whether every installation entitled to the change (at least one) has applied all of its
    /// updates, counting every published package and every applied report whatever its date.
    /// </summary>
    public static bool IsDeployedEverywhere(LegalChange change, Fleet fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var entitled = Assess(change, fleet.Installations, fleet, null).Where(a => a.Entitled).ToList();
        return entitled.Count > 0 && entitled.All(a => a.IsApplied);
    }

    /// <returns>The codes of the installations entitled to the change that have not applied all of its updates
    /// (by their latest outcomes, whatever their dates), by code.</returns>
    public static IReadOnlyList<string> NotAppliedAt(LegalChange change, Fleet fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        return [.. Assess(change, fleet.Installations, fleet, null)
            .Where(a => a.Entitled && !a.IsApplied)
            .Select(a => a.Installation.Code)
            .Order(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// The change's status at the end of <paramref name="day"/> (Europe/Prague) by its audit trail: the last status
    /// set by then, or, when the first step came later, the status it left.
    /// </summary>
    public static LegalChangeStatus StatusOn(LegalChange change, IEnumerable<LegalChangeAudit> statusTrail, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(change);
        var steps = statusTrail.Where(a => a.Field == "status").OrderBy(a => a.At).ThenBy(a => a.Id).ToList();
        if (steps.Count == 0)
        {
            return change.Status;
        }

        var last = steps.LastOrDefault(a => SupplierCalendar.DateOf(a.At) <= day);
        return ParseStatus(last is null ? steps[0].OldValue : last.NewValue) ?? change.Status;
    }

    // An audit value is "released", or "not-applicable: reason".
    private static LegalChangeStatus? ParseStatus(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        try
        {
            return LegalChangeStatusNames.Parse(colon < 0 ? value : value[..colon]);
        }
        catch (UserException)
        {
            return null;
        }
    }

    private static IEnumerable<InstallationAssessment> Assess(LegalChange change, IEnumerable<Installation> installations, Fleet fleet, DateOnly? at)
    {
        var agreements = fleet.Agreements.ToDictionary(a => a.CustomerId);
        var linked = LegalChangePackages.For(change, fleet.Packages, fleet.Links).Select(p => p.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var newest = fleet.Packages
            .Where(p => linked.Contains(p.Id) && (at is null || SupplierCalendar.DateOf(p.PublishedAt) <= at))
            .GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderByDescending(p => p.PublishedAt).First())
            .ToList();
        var applied = LatestOutcomes(fleet.Deployments, at)
            .Where(d => d.Status == DeploymentStatus.Applied)
            .ToLookup(d => d.InstallationId);

        foreach (var installation in installations)
        {
            var agreement = agreements.GetValueOrDefault(installation.CustomerId);
            if (!Entitlement.Concerns(change, agreement, [installation]))
            {
                yield return new InstallationAssessment(installation, false, [], [], null);
                continue;
            }

            var needed = newest.Where(p => Entitlement.IsEntitled(agreement, installation, p.Manifest)).Select(p => p.Id).ToList();
            var done = applied[installation.Id].Where(d => needed.Contains(d.PackageId, StringComparer.OrdinalIgnoreCase)).ToList();
            var missing = needed.Where(id => !done.Any(d => d.PackageId.Equals(id, StringComparison.OrdinalIgnoreCase))).ToList();
            yield return new InstallationAssessment(installation, true, needed, missing, done.Count == 0 ? null : done.Max(d => d.At));
        }
    }

    /// <summary>
    /// Each installation's latest outcome (applied, failed, rolled back) per package version, reported by the end of
    /// <paramref name="at"/>: by the time of the report, then by its arrival. A planned report changes nothing.
    /// </summary>
    private static IEnumerable<Deployment> LatestOutcomes(IEnumerable<Deployment> deployments, DateOnly? at) =>
        deployments
            .Where(d => d.Status != DeploymentStatus.Planned && (at is null || SupplierCalendar.DateOf(d.At) <= at))
            .Select((d, arrival) => (Deployment: d, Arrival: arrival))
            .GroupBy(d => (d.Deployment.InstallationId, Package: d.Deployment.PackageId.ToUpperInvariant(), Version: d.Deployment.Version.ToUpperInvariant()))
            .Select(g => g.OrderBy(d => d.Deployment.At).ThenBy(d => d.Deployment.Id).ThenBy(d => d.Arrival).Last().Deployment);

    private static int Count(List<ComplianceRowDto> rows, ComplianceState state) => rows.Count(r => r.State == state.ToName());
}
