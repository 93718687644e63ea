using AppLayer.Core.Agreements;

namespace AppLayer.Core.ServiceDesk.Work;

/// <summary>Minutes one worker spent on a ticket or a work item, from <see cref="StartedAt"/>.</summary>
public sealed record TimeEntry(
    long Id,
    long CustomerId,
    string Reference,
    long? TicketId,
    long? WorkItemId,
    WorkKind Kind,
    bool Chargeable,
    string Worker,
    DateTimeOffset StartedAt,
    int Minutes,
    string Note)
{
    public DateTimeOffset EndsAt => StartedAt.AddMinutes(Minutes);
}
