using System.Globalization;
using AppLayer.Core.Agreements;
using AppLayer.Core.Common;
using AppLayer.Core.Customers;
using AppLayer.Core.History;
using AppLayer.Core.Installations;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;

namespace AppLayer.Core.Releases;

/// <summary>
/// The approval gate: a manager gates a package version; sites entitled to it may only rehearse it on a copy of
/// their IS database and report how that went; a manager approves it per installation, and only on the strength
/// of that installation's last rehearsal having succeeded. Approvals go into the customer's history.
/// Versions given here are normalised by the caller.
/// </summary>
public sealed class ReleaseGateService(
    IReleaseGateStore gates,
    IPackageStore packages,
    IInstallationStore installations,
    ICustomerStore customers,
    IAgreementStore agreements,
    TimeProvider clock)
{
    private const int MaxMessageLength = 4000;

    /// <returns>The gate and whether this call created it (gating twice changes nothing).</returns>
    /// <exception cref="UserException">The package version is not an update in the feed.</exception>
    public async Task<(ReleaseGateDto Gate, bool Created)> GateAsync(string packageId, string version, string actor, CancellationToken cancellationToken)
    {
        var package = await UpdateAsync(packageId, version, cancellationToken);
        var created = await gates.AddGateAsync(new ReleaseGate(package.Id, package.Version, clock.GetUtcNow(), actor), cancellationToken);
        return (await GetAsync(package.Id, package.Version, cancellationToken), created is not null);
    }

    public async Task<IReadOnlyList<ReleaseGateDto>> ListAsync(CancellationToken cancellationToken)
    {
        var all = new List<ReleaseGateDto>();
        foreach (var gate in await gates.ListGatesAsync(cancellationToken))
        {
            all.Add(await GetAsync(gate.PackageId, gate.Version, cancellationToken));
        }

        return all;
    }

    /// <returns>The gate with each entitled (or rehearsing) installation's last rehearsal and approval.</returns>
    /// <exception cref="NotFoundException">The package version is not gated.</exception>
    public async Task<ReleaseGateDto> GetAsync(string packageId, string version, CancellationToken cancellationToken)
    {
        var gate = await FindGateAsync(packageId, version, cancellationToken);
        var package = await packages.FindAsync(gate.PackageId, gate.Version, cancellationToken);
        var rehearsals = await gates.ListRehearsalsAsync(gate.PackageId, gate.Version, cancellationToken);
        var approvals = await gates.ListApprovalsAsync(gate.PackageId, gate.Version, cancellationToken);
        var codes = (await customers.ListAsync(cancellationToken)).ToDictionary(c => c.Id, c => c.Code);
        var rows = new List<GateInstallationDto>();
        foreach (var installation in await installations.ListAsync(cancellationToken))
        {
            var last = rehearsals.LastOrDefault(r => r.InstallationId == installation.Id);
            var approval = approvals.FirstOrDefault(a => a.InstallationId == installation.Id);
            var entitled = package is not null
                && Entitlement.IsEntitled(await agreements.FindCurrentAsync(installation.CustomerId, cancellationToken), installation, package.Manifest);
            if (entitled || last is not null || approval is not null)
            {
                rows.Add(new GateInstallationDto(installation.Code, codes.GetValueOrDefault(installation.CustomerId, "?"), last is null ? null : ToDto(last), approval?.ApprovedAt, approval?.ApprovedBy));
            }
        }

        return new ReleaseGateDto(gate.PackageId, gate.Version, gate.GatedAt, gate.GatedBy, [.. rows.OrderBy(r => r.Installation, StringComparer.OrdinalIgnoreCase)]);
    }

    /// <summary>
    /// Approves the gated update for one installation, or for every installation whose last rehearsal succeeded
    /// and that is not approved yet. Approving an approved installation again changes nothing.
    /// </summary>
    /// <exception cref="NotFoundException">Not gated, or no such installation.</exception>
    /// <exception cref="ConflictException">No successful rehearsal report to approve on (none, or the last one failed).</exception>
    public async Task<ReleaseGateDto> ApproveAsync(string packageId, string version, ApproveReleaseRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var gate = await FindGateAsync(packageId, version, cancellationToken);
        var rehearsals = await gates.ListRehearsalsAsync(gate.PackageId, gate.Version, cancellationToken);
        var approved = (await gates.ListApprovalsAsync(gate.PackageId, gate.Version, cancellationToken)).Select(a => a.InstallationId).ToHashSet();
        var name = $"{gate.PackageId} {gate.Version}";
        List<(Installation Installation, RehearsalReport Rehearsal)> toApprove = [];
        if (request.AllRehearsed == !string.IsNullOrWhiteSpace(request.Installation))
        {
            throw new UserException("Approve one installation (installation) or every one that rehearsed successfully (allRehearsed), not both or neither.");
        }

        if (!request.AllRehearsed)
        {
            var installation = await installations.FindAsync(request.Installation!.Trim(), cancellationToken)
                ?? throw new NotFoundException($"Installation '{request.Installation}' does not exist.");
            if (approved.Contains(installation.Id))
            {
                return await GetAsync(gate.PackageId, gate.Version, cancellationToken);
            }

            var last = rehearsals.LastOrDefault(r => r.InstallationId == installation.Id)
                ?? throw new ConflictException($"{name} cannot be approved for {installation.Code}: the site has not reported a rehearsal of it yet (its next site run rehearses it).");
            if (!last.Succeeded)
            {
                throw new ConflictException($"{name} cannot be approved for {installation.Code}: its last rehearsal failed ({OneLine(last.Message)}).");
            }

            toApprove.Add((installation, last));
        }
        else
        {
            foreach (var last in rehearsals.GroupBy(r => r.InstallationId).Select(g => g.Last()).Where(r => r.Succeeded && !approved.Contains(r.InstallationId)))
            {
                toApprove.Add((await installations.FindByIdAsync(last.InstallationId, cancellationToken) ?? throw new NotFoundException("An installation that rehearsed no longer exists."), last));
            }

            if (toApprove.Count == 0 && approved.Count == 0)
            {
                throw new ConflictException($"{name} cannot be approved: no installation has reported a successful rehearsal of it.");
            }
        }

        var now = clock.GetUtcNow();
        foreach (var (installation, rehearsal) in toApprove)
        {
            var detail = string.Create(CultureInfo.InvariantCulture, $"approved by {actor} after the successful rehearsal of {rehearsal.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC (report {rehearsal.ReportId})");
            await gates.ApproveAsync(
                new GateApproval(installation.Id, gate.PackageId, gate.Version, rehearsal.ReportId, now, actor),
                new HistoryEvent(0, installation.CustomerId, now, GateHistoryKinds.UpdateApproved, installation.Code, name, detail),
                cancellationToken);
        }

        return await GetAsync(gate.PackageId, gate.Version, cancellationToken);
    }

    /// <summary>Stores a site's rehearsal report once, with its history event.</summary>
    /// <returns><c>true</c> the first time the report id is seen.</returns>
    /// <exception cref="UserException">Not a package in the feed.</exception>
    /// <exception cref="ConflictException">Another installation used the report id.</exception>
    public async Task<bool> ReportRehearsalAsync(long installationId, RehearsalReportDto report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var reportId = Require.Text(report.ReportId, "Report id", 200);
        var installation = await installations.FindByIdAsync(installationId, cancellationToken)
            ?? throw new NotFoundException("The installation of this site key no longer exists.");
        if (await IsRepeatAsync(reportId, installation.Id, cancellationToken))
        {
            return false;
        }

        var package = await UpdateAsync(report.PackageId, report.Version, cancellationToken);
        var message = report.Message ?? string.Empty;
        message = message.Length > MaxMessageLength ? message[..MaxMessageLength] : message;
        var stored = new RehearsalReport(installation.Id, reportId, package.Id, package.Version, report.Succeeded, message, report.Sha512, report.At.ToUniversalTime());
        var detail = (report.Succeeded ? "rehearsal succeeded" : "rehearsal failed") + (message.Length == 0 ? string.Empty : ": " + message);
        var historyEvent = new HistoryEvent(0, installation.CustomerId, stored.At, GateHistoryKinds.UpdateRehearsed, installation.Code, $"{package.Id} {package.Version}", detail)
        {
            Modules = [.. package.Manifest.Modules.Select(m => m.ToLowerInvariant())],
            LegalReferences = package.Manifest.LegalReferences,
        };
        return await gates.AddRehearsalAsync(stored, historyEvent, cancellationToken) || !await IsRepeatAsync(reportId, installation.Id, cancellationToken);
    }

    /// <summary>Whether a site may apply a package version now: not gated, or gated and approved for it.</summary>
    public async Task<SiteGateDto> ForSiteAsync(long installationId, string packageId, string version, CancellationToken cancellationToken)
    {
        var gate = await gates.FindGateAsync(packageId, version, cancellationToken);
        if (gate is null)
        {
            return new SiteGateDto(packageId, version, false, false);
        }

        var approved = (await gates.ListApprovalsAsync(gate.PackageId, gate.Version, cancellationToken)).Any(a => a.InstallationId == installationId);
        return new SiteGateDto(gate.PackageId, gate.Version, true, approved);
    }

    /// <returns>The listing with each gated update marked <c>rehearse-only</c> or <c>approved</c> for this installation.</returns>
    public async Task<IReadOnlyList<AvailableUpdateDto>> MarkAsync(long installationId, IReadOnlyList<AvailableUpdateDto> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var all = await gates.ListGatesAsync(cancellationToken);
        if (all.Count == 0)
        {
            return updates;
        }

        var marked = new List<AvailableUpdateDto>(updates.Count);
        foreach (var update in updates)
        {
            var gate = all.FirstOrDefault(g => string.Equals(g.PackageId, update.Id, StringComparison.OrdinalIgnoreCase) && string.Equals(g.Version, update.Version, StringComparison.OrdinalIgnoreCase));
            if (gate is null)
            {
                marked.Add(update);
                continue;
            }

            var site = await ForSiteAsync(installationId, gate.PackageId, gate.Version, cancellationToken);
            marked.Add(update with { Gate = site.Approved ? GateHistoryKinds.Approved : GateHistoryKinds.RehearseOnly });
        }

        return marked;
    }

    private async Task<ReleaseGate> FindGateAsync(string packageId, string version, CancellationToken cancellationToken) =>
        await gates.FindGateAsync(packageId, version, cancellationToken)
        ?? throw new NotFoundException($"{packageId} {version} is not gated.");

    private async Task<FeedPackage> UpdateAsync(string packageId, string version, CancellationToken cancellationToken)
    {
        var package = await packages.FindAsync(Require.Text(packageId, "Package id", 100), Require.Text(version, "Version", 64), cancellationToken);
        return package is { Kit: false } ? package : throw new UserException($"Package {packageId} {version} is not an update in the feed.");
    }

    private async Task<bool> IsRepeatAsync(string reportId, long installationId, CancellationToken cancellationToken) =>
        await gates.FindRehearsalAsync(reportId, cancellationToken) is { } seen
        && (seen.InstallationId == installationId ? true : throw new ConflictException($"Report '{reportId}' was sent by another installation."));

    private static RehearsalReportDto ToDto(RehearsalReport r) => new(r.ReportId, r.PackageId, r.Version, r.Succeeded, r.Message, r.Sha512, r.At);

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 300 ? line : line[..297] + "...";
    }
}
