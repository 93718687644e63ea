using AppLayer.Core.Customers;
using AppLayer.Protocol;

namespace AppLayer.Core.History;

/// <summary>Reads a customer's history: one page at a time, or everything that matches (for exports).</summary>
public sealed class HistoryService(ICustomerStore customers, IHistoryStore history)
{
    /// <summary>The most events one export holds.</summary>
    public const int MaxExportEvents = 100_000;

    /// <exception cref="NotFoundException">Unknown customer.</exception>
    public async Task<Customer> CustomerAsync(string code, CancellationToken cancellationToken) =>
        await customers.FindAsync(code, cancellationToken)
        ?? throw new NotFoundException($"Customer '{code}' does not exist.");

    public Task<HistoryPage> PageAsync(Customer customer, HistoryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return history.QueryAsync(customer.Id, query, cancellationToken);
    }

    public Task<IReadOnlyList<MonthCount>> CountByMonthAsync(Customer customer, string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return history.CountByMonthAsync(customer.Id, kind, cancellationToken);
    }

    /// <returns>Every matching event, oldest first, at most <see cref="MaxExportEvents"/>.</returns>
    public async Task<IReadOnlyList<HistoryEvent>> AllAsync(Customer customer, HistoryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(query);
        var events = new List<HistoryEvent>();
        var next = query.FirstPage(HistoryQuery.MaxLimit);
        while (events.Count < MaxExportEvents)
        {
            var page = await history.QueryAsync(customer.Id, next, cancellationToken);
            events.AddRange(page.Events);
            if (page.Next is null)
            {
                break;
            }

            next = next with { After = page.Next };
        }

        return events;
    }
}
