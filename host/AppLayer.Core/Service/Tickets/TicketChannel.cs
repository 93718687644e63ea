namespace AppLayer.Core.Service.Tickets;

/// <summary>How the customer contacted the Help Desk.</summary>
public enum TicketChannel
{
    Email,
    Web,
    Phone,
}
