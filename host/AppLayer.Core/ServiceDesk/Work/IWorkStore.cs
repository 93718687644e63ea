namespace AppLayer.Core.ServiceDesk.Work;

/// <summary>Consultations, data fixes, features, quotes and time entries.</summary>
public interface IWorkStore
{
    /// <summary>Stores a work item, and its time entry when given, in one transaction.</summary>
    /// <returns>The stored item, or <c>null</c> when the entry overlaps the worker's other time (nothing is stored then).</returns>
    Task<WorkItem?> AddItemAsync(WorkItem item, TimeEntry? entry, CancellationToken cancellationToken);

    Task<WorkItem?> FindItemAsync(long id, CancellationToken cancellationToken);

    Task<IReadOnlyList<WorkItem>> ListItemsAsync(long customerId, CancellationToken cancellationToken);

    Task<Quote> AddQuoteAsync(Quote quote, CancellationToken cancellationToken);

    Task<Quote?> FindQuoteAsync(long id, CancellationToken cancellationToken);

    Task<Quote?> FindQuoteForItemAsync(long workItemId, CancellationToken cancellationToken);

    /// <returns>The approved quote, or <c>null</c> when it was approved already.</returns>
    Task<Quote?> ApproveQuoteAsync(long id, string approvedBy, DateTimeOffset approvedAt, CancellationToken cancellationToken);

    /// <returns>The stored entry, or <c>null</c> when it overlaps the worker's other time (checked in the same transaction).</returns>
    Task<TimeEntry?> AddTimeAsync(TimeEntry entry, CancellationToken cancellationToken);

    /// <returns>A customer's entries that start in [from, to), oldest first.</returns>
    Task<IReadOnlyList<TimeEntry>> ListTimeAsync(long customerId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <returns>The quotes of a customer's features.</returns>
    Task<IReadOnlyList<Quote>> ListQuotesAsync(long customerId, CancellationToken cancellationToken);

    /// <returns>A work item's entries that start before <paramref name="before"/>, oldest first.</returns>
    Task<IReadOnlyList<TimeEntry>> ListItemTimeAsync(long workItemId, DateTimeOffset before, CancellationToken cancellationToken);

    Task<int> MinutesOnItemAsync(long workItemId, CancellationToken cancellationToken);
}
