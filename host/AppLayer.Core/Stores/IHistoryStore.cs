using AppLayer.Core.Model;

namespace AppLayer.Core.Stores;

public interface IHistoryStore
{
    Task<HistoryEvent> AddAsync(HistoryEvent historyEvent, CancellationToken cancellationToken);

    /// <returns>One customer's history, oldest first.</returns>
    Task<IReadOnlyList<HistoryEvent>> ListAsync(long customerId, CancellationToken cancellationToken);

    /// <returns>One page of a customer's history, oldest first, after <see cref="History.HistoryQuery.After"/>, matching every filter.</returns>
    Task<History.HistoryPage> QueryAsync(long customerId, History.HistoryQuery query, CancellationToken cancellationToken);
}
