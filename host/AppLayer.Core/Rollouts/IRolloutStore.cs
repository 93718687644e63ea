using AppLayer.Core.History;

namespace AppLayer.Core.Rollouts;

public interface IRolloutStore
{
    /// <summary>Stores a new rollout with its first audit line.</summary>
    /// <returns>The stored rollout (with its id), or <c>null</c> when that version has a rollout already (nothing written).</returns>
    Task<Rollout?> AddAsync(Rollout rollout, RolloutEvent created, CancellationToken cancellationToken);

    Task<Rollout?> FindAsync(string packageId, string version, CancellationToken cancellationToken);

    /// <returns>Every rollout, oldest first.</returns>
    Task<IReadOnlyList<Rollout>> ListAsync(CancellationToken cancellationToken);

    /// <returns>The audit trail of one rollout (or of all, keyed by rollout id), oldest first.</returns>
    Task<ILookup<long, RolloutEvent>> EventsAsync(long? rolloutId, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a rollout from <paramref name="expected"/> to <paramref name="changed"/>'s state, with its audit line
    /// and history events, in one transaction; nothing when another host or request changed it first.
    /// </summary>
    Task<bool> ChangeStateAsync(Rollout changed, RolloutState expected, RolloutEvent audit, IReadOnlyList<HistoryEvent> history, CancellationToken cancellationToken);

    /// <returns>The installations that reported one version, by status (one query).</returns>
    Task<RolloutCounts> CountReportsAsync(string packageId, string version, CancellationToken cancellationToken);

    /// <returns>The same counts for every rollout's version, keyed by rollout id (one query).</returns>
    Task<IReadOnlyDictionary<long, RolloutCounts>> CountAllAsync(CancellationToken cancellationToken);

    /// <returns>The customers whose installations reported the version (their histories hear of a halt, resume or abort).</returns>
    Task<IReadOnlyList<long>> CustomersReportedAsync(string packageId, string version, CancellationToken cancellationToken);

    Task<Freeze> AddFreezeAsync(Freeze freeze, CancellationToken cancellationToken);

    /// <returns>The freezes that end on <paramref name="from"/> or later, by their first day.</returns>
    Task<IReadOnlyList<Freeze>> ListFreezesAsync(DateOnly from, CancellationToken cancellationToken);

    /// <returns><c>false</c>: no such freeze.</returns>
    Task<bool> RemoveFreezeAsync(long id, CancellationToken cancellationToken);
}
