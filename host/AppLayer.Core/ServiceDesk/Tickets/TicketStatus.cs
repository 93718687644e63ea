namespace AppLayer.Core.ServiceDesk.Tickets;

/// <summary>Where a ticket is in the Help Desk flow.</summary>
public enum TicketStatus
{
    /// <summary>Registered and its receipt confirmed to the customer.</summary>
    Registered,

    /// <summary>An expert works on it.</summary>
    Assigned,

    /// <summary>Waiting for the customer: the SLA clock stands.</summary>
    Waiting,

    /// <summary>Resolution announced; the customer may still reopen it.</summary>
    Resolved,

    Closed,
}
