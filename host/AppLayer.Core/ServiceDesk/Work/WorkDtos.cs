using AppLayer.Protocol;
using AppLayer.Protocol.Api;

namespace AppLayer.Core.ServiceDesk.Work;

public static class WorkDtos
{
    public static QuoteDto ToDto(this Quote quote, string feature)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return new(quote.Id, feature, quote.Price, quote.Specification, quote.SentAt, quote.ApprovedBy, quote.ApprovedAt, quote.Basis.ToName(), quote.Cap);
    }

    public static WorkItemDto ToDto(this WorkItem item, string customerCode, bool quoteRequired, Quote? quote)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(
            item.Id,
            item.Reference,
            customerCode,
            KebabNames.Of(item.Kind),
            item.Title,
            item.Category,
            item.Chargeable,
            item.EstimateMinutes is { } m ? m / 60m : null,
            item.Outcome,
            item.TicketId,
            quoteRequired,
            quote?.ToDto(item.Reference));
    }

    public static TimeEntryDto ToDto(this TimeEntry entry, string customerCode)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Id, customerCode, entry.Reference, KebabNames.Of(entry.Kind), entry.Chargeable, entry.Worker, entry.StartedAt, entry.Minutes, entry.Note);
    }
}
