using AppLayer.Core.Service.Agreements;
using AppLayer.Core.Service.Mail;

namespace AppLayer.Core.Service.Tickets;

/// <summary>
/// Escalation: for every open ticket, a warning to the Help Desk lead once a share of the
/// response or resolution target has run (before it is missed), and a breach record when it is.
/// Each warning and breach is recorded once (an event), so running it again sends nothing twice.
/// </summary>
public sealed class EscalationService(ServiceDeskDirectory directory, ITicketStore tickets, ServiceDeskSettings settings, TimeProvider time)
{
    /// <returns>How many warnings and breaches were recorded.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var recorded = 0;
        foreach (var ticket in await tickets.ListAsync(null, openOnly: true, cancellationToken))
        {
            recorded += await CheckAsync(ticket, cancellationToken);
        }

        return recorded;
    }

    private async Task<int> CheckAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        var customer = await directory.CustomerAsync(ticket.CustomerId, cancellationToken);
        var terms = (await directory.HistoryAsync(customer, cancellationToken)).On(ServiceDeskDirectory.Day(ticket.OpenedAt))?.Terms ?? AgreementTerms.Default;
        var events = await tickets.EventsAsync(ticket.Id, cancellationToken);
        var sla = new TicketSla(ticket, events, terms);
        var now = time.GetUtcNow();
        var steps = new List<(string Kind, string Actor, string Text)>();
        var mails = new List<MailDraft>();

        void Check(bool running, int minutes, string target, string warning, string breach)
        {
            if (!running)
            {
                return;
            }

            var warnAt = sla.Due(minutes, settings.WarnAtPercent);
            var due = sla.Due(minutes, 100);
            if (due is { } d && now >= d && events.All(e => e.Kind != breach))
            {
                steps.Add((breach, TicketService.HelpDeskActor, $"{target} target of {minutes} business minutes missed at {d:u}"));
            }
            else if (warnAt is { } w && now >= w && due is { } soon && events.All(e => e.Kind != warning))
            {
                var text = $"{target} target of {minutes} business minutes runs out at {soon:u} ({customer.Code}, {Names.Of(ticket.Priority)}, {ticket.Assignee ?? "not assigned"}).";
                steps.Add((warning, TicketService.HelpDeskActor, text));
                mails.Add(TicketMails.ToSupplier(ticket, terms, now, settings.EscalationAddress, warning, $"Breach warning: {target} due {soon:u}: {ticket.Subject}", text));
            }
        }

        Check(ticket.RespondedAt is null, sla.Target.ResponseMinutes, "response", TicketEventKinds.ResponseWarning, TicketEventKinds.ResponseBreached);
        Check(ticket.IsOpen, sla.Target.ResolutionMinutes, "resolution", TicketEventKinds.ResolutionWarning, TicketEventKinds.ResolutionBreached);
        if (steps.Count == 0)
        {
            return 0;
        }

        // A concurrent change wins; the next run looks again.
        return await tickets.SaveAsync(ticket, now, steps, mails, [], cancellationToken) is null ? 0 : steps.Count;
    }
}
