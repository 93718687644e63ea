using AppLayer.Core.Agreements;

namespace AppLayer.Core.ServiceDesk.Tickets;

/// <summary>A Help Desk request; <see cref="RowVersion"/> guards concurrent changes.</summary>
public sealed record Ticket(
    long Id,
    long CustomerId,
    string Subject,
    string Body,
    string Service,
    Priority Priority,
    TicketChannel Channel,
    string? ContactEmail,
    TicketStatus Status,
    string? Assignee,
    DateTimeOffset OpenedAt,
    DateTimeOffset? RespondedAt,
    DateTimeOffset? ResolvedAt,
    int RowVersion)
{
    public const string TagPrefix = "AL-";

    /// <summary>The tag in every subject of the ticket's mail, e.g. <c>[AL-12]</c>.</summary>
    public string Tag => $"[{TagPrefix}{Id}]";

    public bool IsOpen => Status is not (TicketStatus.Resolved or TicketStatus.Closed);
}
