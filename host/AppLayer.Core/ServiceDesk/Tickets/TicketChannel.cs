namespace AppLayer.Core.ServiceDesk.Tickets;

/// <summary>How the customer contacted the Help Desk.</summary>
public enum TicketChannel
{
    Email,
    Web,
    Phone,
}
