using AppLayer.Core.Compliance;

namespace AppLayer.Core.LegalChanges;

/// <summary>
/// Keeps <c>deployed</c> true: moves a released legal change to deployed once every installation entitled to
/// it has applied all of its updates, and back to released (withdrawn) as soon as one entitled installation is
/// exposed again: a rollback or failed re-apply reported, a new installation, an agreement that now covers it,
/// a new package for it. Both steps go to the change's audit trail. Called after every stored site report,
/// a release of a change, a new package link or package, a new installation and a new agreement version.
/// </summary>
public sealed class DeploymentTracker(ILegalChangeStore changes, FleetReader fleetReader, TimeProvider time)
{
    /// <summary>Who the audit trail names for the automatic step to deployed.</summary>
    public const string Actor = "applayer (every entitled installation applied it)";

    /// <summary>How many exposed installations the audit line of a withdrawal names.</summary>
    private const int NamedInstallations = 5;

    /// <summary>Who the audit trail names for the automatic step back to released, with the installations exposed.</summary>
    public static string WithdrawnBy(IReadOnlyList<string> exposed)
    {
        ArgumentNullException.ThrowIfNull(exposed);
        var named = string.Join(", ", exposed.Take(NamedInstallations));
        var more = exposed.Count > NamedInstallations ? $" and {exposed.Count - NamedInstallations} more" : string.Empty;
        return $"applayer (not applied any more at {named}{more})";
    }

    /// <returns>The ids of the changes moved to deployed or back to released.</returns>
    public async Task<IReadOnlyList<long>> ReconcileAsync(CancellationToken cancellationToken)
    {
        var followed = (await changes.ListAsync(cancellationToken))
            .Where(c => c.Status is LegalChangeStatus.Released or LegalChangeStatus.Deployed)
            .ToList();
        if (followed.Count == 0)
        {
            return [];
        }

        var fleet = await fleetReader.ReadAsync(cancellationToken);
        var moved = new List<long>();
        foreach (var change in followed)
        {
            var (target, actor) = Step(change, fleet);
            if (target is not { } status)
            {
                continue;
            }

            var now = time.GetUtcNow();
            var after = change with { Status = status, StatusReason = null, UpdatedAt = now };
            // A stale revision means someone else changed it meanwhile; the next call tries again.
            if (await changes.UpdateAsync(after, LegalChangeDiff.Between(change, after, actor, now), cancellationToken) == LegalChangeSaveResult.Saved)
            {
                moved.Add(change.Id);
            }
        }

        return moved;
    }

    private static (LegalChangeStatus? Target, string Actor) Step(LegalChange change, Fleet fleet)
    {
        if (change.Status == LegalChangeStatus.Released)
        {
            return ComplianceRadar.IsDeployedEverywhere(change, fleet) ? (LegalChangeStatus.Deployed, Actor) : (null, string.Empty);
        }

        var exposed = ComplianceRadar.NotAppliedAt(change, fleet);
        return exposed.Count > 0 ? (LegalChangeStatus.Released, WithdrawnBy(exposed)) : (null, string.Empty);
    }
}
