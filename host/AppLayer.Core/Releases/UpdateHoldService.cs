using System.Globalization;
using AppLayer.Core.Common;
using AppLayer.Core.History;
using AppLayer.Core.Installations;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;

namespace AppLayer.Core.Releases;

/// <summary>
/// Holds on rolled-back updates. When an installation reports a rollback of a package version, that version is held
/// for it: the site listing and offline bundles leave it out, so it is not applied again, and the radar counts the
/// installation as exposed. A manager releases the hold (with a reason, in the customer's history); from then on the
/// listing carries the released rollback's report id (<see cref="AvailableUpdateDto.ReleasedHold"/>), which is what
/// lets the site's own record of the rollback go too.
/// </summary>
public sealed class UpdateHoldService(IUpdateHoldStore holds, IInstallationStore installations, TimeProvider clock)
{
    /// <returns>Every held (and with <paramref name="includeReleased"/> released) rollback, of one installation when given.</returns>
    /// <exception cref="NotFoundException">No such installation.</exception>
    public async Task<IReadOnlyList<UpdateHoldDto>> ListAsync(string? installation, bool includeReleased, CancellationToken cancellationToken)
    {
        long? id = null;
        if (!string.IsNullOrWhiteSpace(installation))
        {
            id = (await installations.FindAsync(installation.Trim(), cancellationToken) ?? throw new NotFoundException($"Installation '{installation}' does not exist.")).Id;
        }

        return [.. (await holds.ListAsync(id, cancellationToken)).Where(h => includeReleased || h.ReleasedAt is null).Select(Dto)];
    }

    /// <summary>Releases the hold on one package version for one installation, with a history event.</summary>
    /// <exception cref="NotFoundException">No such installation, or that version is not held for it.</exception>
    public async Task<UpdateHoldDto> ReleaseAsync(ReleaseHoldRequest request, string version, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var installation = await installations.FindAsync(Require.Text(request.Installation, "Installation", 200), cancellationToken)
            ?? throw new NotFoundException($"Installation '{request.Installation}' does not exist.");
        var packageId = Require.Text(request.PackageId, "Package id", 200);
        var hold = (await holds.ListAsync(installation.Id, cancellationToken)).LastOrDefault(h =>
                h.PackageId.Equals(packageId, StringComparison.OrdinalIgnoreCase) && h.Version.Equals(version, StringComparison.OrdinalIgnoreCase) && h.ReleasedAt is null)
            ?? throw new NotFoundException($"{packageId} {version} is not held for {installation.Code} (no rollback of it is waiting for a release).");
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? "no reason given" : request.Reason.Trim();
        reason = reason.Length > 1000 ? reason[..1000] : reason;
        var now = clock.GetUtcNow();
        var released = hold with { ReleasedAt = now, ReleasedBy = actor, Reason = reason };
        var detail = string.Create(CultureInfo.InvariantCulture, $"hold released by {actor} ({reason}); rolled back at {hold.RolledBackAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC (report {hold.RollbackReportId}); offered to the site again");
        await holds.ReleaseAsync(
            released,
            new HistoryEvent(0, installation.CustomerId, now, HistoryKinds.HoldReleased, installation.Code, $"{hold.PackageId} {hold.Version}", detail),
            cancellationToken);
        return Dto(released);
    }

    /// <summary>
    /// The listing for one installation without its held versions, and each version whose hold was released marked
    /// with that rollback's report id.
    /// </summary>
    public async Task<IReadOnlyList<AvailableUpdateDto>> ApplyAsync(long installationId, IReadOnlyList<AvailableUpdateDto> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var byVersion = (await holds.ListAsync(installationId, cancellationToken))
            .GroupBy(h => Key(h.PackageId, h.Version), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);
        var listed = new List<AvailableUpdateDto>(updates.Count);
        foreach (var update in updates)
        {
            if (!byVersion.TryGetValue(Key(update.Id, update.Version), out var hold))
            {
                listed.Add(update);
            }
            else if (hold.ReleasedAt is not null)
            {
                listed.Add(update with { ReleasedHold = hold.RollbackReportId });
            }
        }

        return listed;
    }

    /// <summary>The line a rolled-back report's history event adds: the version is held for the installation.</summary>
    public static string HeldNote(string installation) =>
        $"held: not offered to {installation} again until a manager releases the hold (applayer hold release)";

    private static string Key(string id, string version) => id + "/" + version;

    private static UpdateHoldDto Dto(UpdateHold h) =>
        new(h.Installation, h.PackageId, h.Version, h.RollbackReportId, h.RolledBackAt, h.Message, h.ReleasedAt is null, h.ReleasedAt, h.ReleasedBy, h.Reason);
}
