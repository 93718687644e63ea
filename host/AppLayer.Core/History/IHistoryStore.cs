
namespace AppLayer.Core.History;

public interface IHistoryStore
{
    Task<HistoryEvent> AddAsync(HistoryEvent historyEvent, CancellationToken cancellationToken);

    /// <returns>One customer's history, oldest first.</returns>
    Task<IReadOnlyList<HistoryEvent>> ListAsync(long customerId, CancellationToken cancellationToken);

    /// <returns>One page of a customer's history, oldest first, after <see cref="History.HistoryQuery.After"/>, matching every filter.</returns>
    /// <returns>Per month (UTC) with at least one, how many events of <paramref name="kind"/> the customer had, oldest first.</returns>
    Task<IReadOnlyList<History.MonthCount>> CountByMonthAsync(long customerId, string kind, CancellationToken cancellationToken);

    Task<History.HistoryPage> QueryAsync(long customerId, History.HistoryQuery query, CancellationToken cancellationToken);
}
