using AppLayer.Protocol;
using AppLayer.Core.Agreements;
using AppLayer.Protocol.Api;

namespace AppLayer.Core.ServiceDesk.Tickets;

public static class TicketDtos
{
    public static TicketDto ToDto(this Ticket ticket, string customerCode, TicketSla sla, IReadOnlyList<TicketEvent> events, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(sla);
        return new TicketDto(
            ticket.Id,
            ticket.Tag,
            customerCode,
            ticket.Subject,
            ticket.Body,
            ticket.Service,
            KebabNames.Of(ticket.Priority),
            KebabNames.Of(ticket.Channel),
            ticket.ContactEmail,
            KebabNames.Of(ticket.Status),
            ticket.Assignee,
            ticket.OpenedAt,
            ticket.RespondedAt,
            ticket.ResolvedAt,
            new SlaDto(
                sla.Target.ResponseMinutes,
                sla.Target.ResolutionMinutes,
                (int)sla.Elapsed(now).TotalMinutes,
                ticket.RespondedAt is null ? sla.ResponseDue : null,
                ticket.IsOpen ? sla.ResolutionDue : null,
                sla.Paused && ticket.IsOpen),
            [.. events.Select(e => new TicketEventDto(e.At, e.Kind.ToName(), e.Actor, e.Text))]);
    }
}
