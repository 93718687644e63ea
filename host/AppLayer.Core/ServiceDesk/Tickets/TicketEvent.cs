namespace AppLayer.Core.ServiceDesk.Tickets;

/// <summary>One step of a ticket's flow (see <see cref="TicketEventKind"/>).</summary>
public sealed record TicketEvent(long Id, long TicketId, DateTimeOffset At, TicketEventKind Kind, string Actor, string Text);
