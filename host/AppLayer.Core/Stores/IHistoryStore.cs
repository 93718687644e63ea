using AppLayer.Core.Model;

namespace AppLayer.Core.Stores;

public interface IHistoryStore
{
    Task<HistoryEvent> AddAsync(HistoryEvent historyEvent, CancellationToken cancellationToken);

    /// <returns>One customer's history, oldest first.</returns>
    Task<IReadOnlyList<HistoryEvent>> ListAsync(long customerId, CancellationToken cancellationToken);
}
