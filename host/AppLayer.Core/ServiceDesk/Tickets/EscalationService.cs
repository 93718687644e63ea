using AppLayer.Protocol;
using AppLayer.Core.Agreements;
using AppLayer.Core.Customers;
using AppLayer.Core.ServiceDesk.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AppLayer.Core.ServiceDesk.Tickets;

/// <summary>
/// Escalation: for every open ticket and each of its two clocks (response, resolution), a warning
/// to the Help Desk lead once a share of the target has run but before it is missed, and a breach
/// notice (recorded and mailed) when it is. Each notice is recorded at most once per ticket and
/// kind, ever: the store keeps a unique key, so repeated runs, restarts and concurrent hosts record
/// and mail nothing twice. A breach is final; a warning never comes after the deadline (a run that
/// first sees a ticket after its deadline records only the breach). A paused clock has no deadline,
/// so nothing comes due while the ticket waits for the customer. Reopening a ticket resumes its
/// resolution clock but does not renew its notices.
/// </summary>
public sealed class EscalationService(ServiceDeskDirectory directory, ITicketStore tickets, ServiceDeskSettings settings, TimeProvider time, ILogger<EscalationService>? logger = null)
{
    private static readonly Clock[] Clocks =
    [
        new("response", TicketEventKind.ResponseWarning, TicketEventKind.ResponseBreached, t => t.ResponseMinutes, t => t.RespondedAt is null),
        new("resolution", TicketEventKind.ResolutionWarning, TicketEventKind.ResolutionBreached, t => t.ResolutionMinutes, t => t.IsOpen),
    ];

    private readonly ILogger _log = logger ?? (ILogger)NullLogger.Instance;

    public async Task<EscalationResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var open = await tickets.ListAsync(null, openOnly: true, cancellationToken);
        var events = (await tickets.OpenTicketEventsAsync(cancellationToken)).ToLookup(e => e.TicketId);
        var customers = new Dictionary<long, (Customer Customer, AgreementHistory History)>();
        var recorded = new List<EscalationNotice>();
        var already = 0;
        var changed = 0;
        foreach (var ticket in open)
        {
            if (!customers.TryGetValue(ticket.CustomerId, out var found))
            {
                var customer = await directory.CustomerAsync(ticket.CustomerId, cancellationToken);
                found = customers[ticket.CustomerId] = (customer, await directory.HistoryAsync(customer, cancellationToken));
            }

            var terms = found.History.On(ServiceDeskDirectory.Day(ticket.OpenedAt))?.Terms ?? AgreementTerms.Default;
            var ticketEvents = events[ticket.Id].ToList();
            var sla = new TicketSla(ticket, ticketEvents, terms);
            foreach (var clock in Clocks)
            {
                if (Due(clock, ticket, sla, ticketEvents, now, found.Customer, terms) is not { } notice)
                {
                    continue;
                }

                var outcome = await tickets.RecordNoticeAsync(ticket, now, notice.Kind, TicketService.HelpDeskActor, notice.Text, notice.Mail, cancellationToken);
                switch (outcome)
                {
                    case NoticeOutcome.Recorded:
                        MailLog.Queued(_log, notice.Mail.MessageId, notice.Mail.To, ticket.Tag, notice.Mail.NotBefore);
                        recorded.Add(new EscalationNotice(ticket.Id, ticket.Tag, notice.Kind, notice.Deadline, notice.Mail is not null));
                        break;
                    case NoticeOutcome.AlreadyRecorded:
                        already++;
                        break;
                    default:
                        changed++; // the next run looks again at the changed ticket
                        break;
                }
            }
        }

        return new EscalationResult(now, open.Count, recorded, already, changed);
    }

    /// <returns>The notice one clock of the ticket calls for now, or <c>null</c>.</returns>
    private Notice? Due(Clock clock, Ticket ticket, TicketSla sla, List<TicketEvent> events, DateTimeOffset now, Customer customer, AgreementTerms terms)
    {
        if (!clock.Running(ticket) || events.Exists(e => e.Kind == clock.Breach))
        {
            return null; // stopped, or missed already: a breach is final
        }

        var minutes = clock.Minutes(sla.Target);
        if (sla.Due(minutes, 100) is not { } deadline)
        {
            return null; // paused before the deadline: nothing runs out while the clock stands
        }

        var context = $"({customer.Code}, {KebabNames.Of(ticket.Priority)}, {ticket.Assignee ?? "not assigned"})";
        if (now >= deadline)
        {
            var text = $"{clock.Name} target of {minutes} business minutes missed at {deadline:u} {context}.";
            return new Notice(clock.Breach, deadline, text, TicketMails.ToSupplier(ticket, terms, now, settings.LeadFor(customer.Code, ticket.Priority), clock.Breach.ToName(), $"Breached: {clock.Name} due {deadline:u}: {ticket.Subject}", text));
        }

        if (sla.Due(minutes, settings.WarnAtPercent) is { } warnAt && now >= warnAt && !events.Exists(e => e.Kind == clock.Warning))
        {
            var text = $"{clock.Name} target of {minutes} business minutes runs out at {deadline:u} {context}.";
            return new Notice(clock.Warning, deadline, text, TicketMails.ToSupplier(ticket, terms, now, settings.LeadFor(customer.Code, ticket.Priority), clock.Warning.ToName(), $"Breach warning: {clock.Name} due {deadline:u}: {ticket.Subject}", text));
        }

        return null;
    }

    private sealed record Clock(string Name, TicketEventKind Warning, TicketEventKind Breach, Func<SlaTarget, int> Minutes, Func<Ticket, bool> Running);

    private sealed record Notice(TicketEventKind Kind, DateTimeOffset Deadline, string Text, MailDraft Mail);
}
