namespace AppLayer.Core.ServiceDesk.Tickets;

/// <summary>One step of a ticket's flow (see <see cref="TicketEventKinds"/>).</summary>
public sealed record TicketEvent(long Id, long TicketId, DateTimeOffset At, string Kind, string Actor, string Text);
