using AppLayer.Core.Api;
using AppLayer.Core.LegalChanges;
using AppLayer.Core.Model;
using AppLayer.Core.Services;

namespace AppLayer.Core.Compliance;

/// <summary>
/// The compliance radar, computed from a fleet snapshot and a day (no clock, no I/O): for each legal
/// change and each installation, whether the change is applied there, scheduled, exposed or not
/// entitled; changes sorted by risk. "What if today were <c>at</c>": only packages published and
/// deployments applied by the end of that day (Europe/Prague) count.
/// </summary>
public static class ComplianceRadar
{
    public const int DefaultHorizonDays = 30;

    public static ComplianceReportDto Compute(
        IEnumerable<LegalChange> changes,
        Fleet fleet,
        DateOnly at,
        int horizonDays = DefaultHorizonDays,
        string? customerCode = null)
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
                change.Status.ToName(),
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

    private static IEnumerable<InstallationAssessment> Assess(LegalChange change, IEnumerable<Installation> installations, Fleet fleet, DateOnly? at)
    {
        var agreements = fleet.Agreements.ToDictionary(a => a.CustomerId);
        var linked = LegalChangePackages.For(change, fleet.Packages, fleet.Links).Select(p => p.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var newest = fleet.Packages
            .Where(p => linked.Contains(p.Id) && (at is null || SupplierCalendar.DateOf(p.PublishedAt) <= at))
            .GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderByDescending(p => p.PublishedAt).First())
            .ToList();
        var applied = fleet.Deployments
            .Where(d => d.Status == DeploymentStatus.Applied && (at is null || SupplierCalendar.DateOf(d.At) <= at))
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

    private static int Count(List<ComplianceRowDto> rows, ComplianceState state) => rows.Count(r => r.State == state.ToName());
}
