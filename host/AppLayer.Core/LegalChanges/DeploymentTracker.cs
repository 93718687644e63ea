using AppLayer.Core.Compliance;
using AppLayer.Core.Model;
using AppLayer.Core.Stores;

namespace AppLayer.Core.LegalChanges;

/// <summary>
/// Moves a released legal change to deployed once every installation entitled to it has applied
/// all of its updates. Called after a site reports an applied update, a release of the change and
/// a new package link.
/// </summary>
public sealed class DeploymentTracker(ILegalChangeStore changes, FleetReader fleetReader, TimeProvider time)
{
    /// <summary>Who the audit trail names for the automatic step.</summary>
    public const string Actor = "applayer (every entitled installation applied it)";

    /// <returns>The ids of the changes moved to deployed.</returns>
    public async Task<IReadOnlyList<long>> PromoteAsync(CancellationToken cancellationToken)
    {
        var released = (await changes.ListAsync(cancellationToken)).Where(c => c.Status == LegalChangeStatus.Released).ToList();
        if (released.Count == 0)
        {
            return [];
        }

        var fleet = await fleetReader.ReadAsync(cancellationToken);
        var promoted = new List<long>();
        foreach (var change in released.Where(c => ComplianceRadar.IsDeployedEverywhere(c, fleet)))
        {
            var now = time.GetUtcNow();
            var deployed = change with { Status = LegalChangeStatus.Deployed, StatusReason = null, UpdatedAt = now };
            // A stale revision means someone else changed it meanwhile; the next report tries again.
            if (await changes.UpdateAsync(deployed, LegalChangeDiff.Between(change, deployed, Actor, now), cancellationToken) == LegalChangeSaveResult.Saved)
            {
                promoted.Add(change.Id);
            }
        }

        return promoted;
    }
}
