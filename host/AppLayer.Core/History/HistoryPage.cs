
namespace AppLayer.Core.History;

/// <summary>One page of a customer's history and the cursor of the next page (<c>null</c> on the last).</summary>
public sealed record HistoryPage(IReadOnlyList<HistoryEvent> Events, HistoryCursor? Next);
