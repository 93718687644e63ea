using AppLayer.Core.History;

namespace AppLayer.Core.Releases;

public interface IUpdateHoldStore
{
    /// <returns>
    /// Each installation's last rollback of each package version (of one installation when given), oldest first:
    /// held unless released, and only while no later applied report of that version came in.
    /// </returns>
    Task<IReadOnlyList<UpdateHold>> ListAsync(long? installationId, CancellationToken cancellationToken);

    /// <summary>Stores the release of a hold and its history event in one transaction.</summary>
    /// <returns><c>false</c> when that rollback's hold was released already (nothing written).</returns>
    Task<bool> ReleaseAsync(UpdateHold hold, HistoryEvent historyEvent, CancellationToken cancellationToken);
}
