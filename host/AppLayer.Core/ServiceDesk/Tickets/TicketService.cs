using AppLayer.Core.Agreements;
using AppLayer.Core.Common;
using AppLayer.Core.Customers;
using AppLayer.Core.ServiceDesk.Contacts;
using AppLayer.Core.ServiceDesk.Mail;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AppLayer.Core.ServiceDesk.Tickets;

/// <summary>
/// The Help Desk flow: open (registered, receipt confirmed) → assign → inform → wait/resume →
/// resolve → close or reopen. Every step is one transaction with its event and its mail; each mail
/// queued is logged (<see cref="MailLog.Queued"/>).
/// </summary>
public sealed class TicketService(ServiceDeskDirectory directory, IContactStore contacts, ITicketStore tickets, TimeProvider time, ILogger<TicketService>? logger = null)
{
    private readonly ILogger _log = logger ?? (ILogger)NullLogger.Instance;

    public const string HelpDeskActor = "help-desk";

    public async Task<TicketDto> OpenAsync(OpenTicketRequest request, string? actor, CancellationToken cancellationToken, string? incomingMessageId = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var customer = await directory.CustomerAsync(request.Customer, cancellationToken);
        var now = time.GetUtcNow();
        var agreement = await directory.AgreementAsync(customer, ServiceDeskDirectory.Day(now), cancellationToken);
        var service = string.IsNullOrWhiteSpace(request.Service) ? ServiceNames.HelpDesk : request.Service.Trim().ToLowerInvariant();
        if (!ServiceNames.All.Contains(service))
        {
            throw new UserException($"Service '{service}' is not one of: {string.Join(", ", ServiceNames.All)}.");
        }

        if (service != ServiceNames.HelpDesk && !agreement.Includes(service))
        {
            throw new UserException($"The agreement of '{customer.Code}' does not include the service '{service}'.");
        }

        var channel = KebabNames.Parse<TicketChannel>(request.Channel, "Channel", TicketChannel.Phone);
        var contact = await ContactAsync(customer, request.Contact, cancellationToken);
        if (contact is null && channel != TicketChannel.Phone)
        {
            throw new UserException("A ticket by e-mail or web needs the customer's contact.");
        }

        var ticket = new Ticket(
            0,
            customer.Id,
            Require.Text(request.Subject, "Subject", 200),
            Require.Text(request.Body, "Description", 20_000),
            service,
            KebabNames.Parse<Priority>(request.Priority, "Priority", Priority.Normal),
            channel,
            contact?.Email,
            TicketStatus.Registered,
            null,
            now,
            null,
            null,
            0);
        var who = actor ?? contact?.Email ?? HelpDeskActor;
        var receipt = TicketMails.ToCustomer(
            ticket,
            agreement.Terms,
            now,
            "receipt",
            $"Received: {ticket.Subject}",
            $"Your request was registered as {{tag}} ({KebabNames.Of(ticket.Priority)} priority). We will assign it to an expert and keep you informed.\n\nReply to this mail to add to the request.",
            incomingMessageId);
        var stored = await tickets.CreateAsync(
            ticket,
            [
                (TicketEventKind.Registered, who, $"{KebabNames.Of(channel)}: {ticket.Subject}"),
                (TicketEventKind.ReceiptConfirmed, HelpDeskActor, contact is null ? "confirmed on the phone" : $"confirmation to {contact.Email}"),
            ],
            receipt is null ? [] : [receipt],
            incomingMessageId is null ? [] : [incomingMessageId],
            cancellationToken);
        if (receipt is not null)
        {
            MailLog.Queued(_log, receipt.MessageId, receipt.To, stored.Tag, receipt.NotBefore);
        }

        return await DescribeAsync(stored, cancellationToken);
    }

    public Task<TicketDto> AssignAsync(long id, AssignTicketRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var expert = Require.Text(request.Expert, "Expert", 100);
        return ChangeAsync(id, cancellationToken, (ticket, terms, now) =>
        {
            RequireOpen(ticket);
            var next = ticket with
            {
                Assignee = expert,
                RespondedAt = ticket.RespondedAt ?? now,
                Status = ticket.Status == TicketStatus.Waiting ? TicketStatus.Waiting : TicketStatus.Assigned,
            };
            return (next, (TicketEventKind.Assigned, HelpDeskActor, $"assigned to {expert}"), null);
        });
    }

    public Task<TicketDto> InformAsync(long id, TicketNoteRequest request, CancellationToken cancellationToken)
    {
        var text = Require.Text(request?.Text, "The status update", 20_000);
        return ChangeAsync(id, cancellationToken, (ticket, terms, now) =>
        {
            RequireOpen(ticket);
            var mail = TicketMails.ToCustomer(ticket, terms, now, "status", $"Status: {ticket.Subject}", text);
            return (ticket, (TicketEventKind.Informed, Actor(request), text), mail);
        });
    }

    public Task<TicketDto> WaitAsync(long id, TicketNoteRequest request, CancellationToken cancellationToken)
    {
        var text = Require.Text(request?.Text, "The question to the customer", 20_000);
        return ChangeAsync(id, cancellationToken, (ticket, terms, now) =>
        {
            RequireOpen(ticket);
            if (ticket.Status == TicketStatus.Waiting)
            {
                throw new ConflictException($"Ticket {ticket.Tag} waits for the customer already.");
            }

            var mail = TicketMails.ToCustomer(ticket, terms, now, "question", $"We need your answer: {ticket.Subject}", text);
            return (ticket with { Status = TicketStatus.Waiting }, (TicketEventKind.Waiting, Actor(request), text), mail);
        });
    }

    public Task<TicketDto> ResumeAsync(long id, TicketNoteRequest? request, CancellationToken cancellationToken) =>
        ChangeAsync(id, cancellationToken, (ticket, terms, now) =>
        {
            if (ticket.Status != TicketStatus.Waiting)
            {
                throw new ConflictException($"Ticket {ticket.Tag} is not waiting for the customer.");
            }

            return (ticket with { Status = Working(ticket) }, (TicketEventKind.Resumed, Actor(request), request?.Text ?? "work resumed"), null);
        });

    public Task<TicketDto> ResolveAsync(long id, TicketNoteRequest request, CancellationToken cancellationToken)
    {
        var text = Require.Text(request?.Text, "The resolution", 20_000);
        return ChangeAsync(id, cancellationToken, (ticket, terms, now) =>
        {
            RequireOpen(ticket);
            var mail = TicketMails.ToCustomer(ticket, terms, now, "resolution", $"Resolved: {ticket.Subject}", text + "\n\nReply to this mail within 14 days if the problem persists; the request will be reopened.");
            return (ticket with { Status = TicketStatus.Resolved, ResolvedAt = now }, (TicketEventKind.Resolved, Actor(request), text), mail);
        });
    }

    public Task<TicketDto> CloseAsync(long id, TicketNoteRequest? request, CancellationToken cancellationToken) =>
        ChangeAsync(id, cancellationToken, (ticket, terms, now) =>
        {
            if (ticket.Status != TicketStatus.Resolved)
            {
                throw new ConflictException($"Ticket {ticket.Tag} is {KebabNames.Of(ticket.Status)}; only a resolved ticket can be closed.");
            }

            return (ticket with { Status = TicketStatus.Closed }, (TicketEventKind.Closed, Actor(request), request?.Text ?? "closed"), null);
        });

    public Task<TicketDto> ReopenAsync(long id, TicketNoteRequest? request, CancellationToken cancellationToken) =>
        ChangeAsync(id, cancellationToken, (ticket, terms, now) =>
        {
            if (ticket.IsOpen)
            {
                throw new ConflictException($"Ticket {ticket.Tag} is open already.");
            }

            var text = request?.Text ?? "reopened";
            var mail = TicketMails.ToCustomer(ticket, terms, now, "reopened", $"Reopened: {ticket.Subject}", text);
            return (ticket with { Status = Working(ticket), ResolvedAt = null }, (TicketEventKind.Reopened, Actor(request), text), mail);
        });

    /// <summary>How long after its resolution a customer's reply reopens a resolved or closed ticket (the resolution mail says so).</summary>
    public static readonly TimeSpan ReopenWindow = TimeSpan.FromDays(14);

    /// <summary>
    /// A reply from the customer (mail or web form): added to the ticket; a waiting ticket is worked on again, and so is a
    /// resolved or closed one within <see cref="ReopenWindow"/> of its resolution. Later, the reply opens a new ticket
    /// (same customer, contact and priority) that names the old one in its subject and text; the old one stays as it was.
    /// </summary>
    /// <returns>The ticket the reply went to: the old one, or the new follow-up.</returns>
    public async Task<TicketDto> CustomerReplyAsync(long id, string from, string text, string? messageId, CancellationToken cancellationToken, TicketChannel channel = TicketChannel.Email)
    {
        var old = await FindAsync(id, cancellationToken);
        var now = time.GetUtcNow();
        if (old.Status is TicketStatus.Resolved or TicketStatus.Closed && (old.ResolvedAt is not { } resolvedAt || now - resolvedAt > ReopenWindow))
        {
            var customer = await directory.CustomerAsync(old.CustomerId, cancellationToken);
            var subject = $"Follow-up to {old.Tag.Trim('[', ']')}: {old.Subject}";
            var body = $"{text}\n\n(A reply to {old.Tag.Trim('[', ']')} \"{old.Subject}\", resolved {old.ResolvedAt?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "earlier"}, more than {ReopenWindow.TotalDays:0} days ago.)";
            var followUp = await OpenAsync(
                new OpenTicketRequest(customer.Code, subject.Length > 200 ? subject[..200] : subject, body, Service: old.Service, Priority: KebabNames.Of(old.Priority), Channel: KebabNames.Of(channel), Contact: from),
                from,
                cancellationToken,
                messageId);
            TicketLog.FollowUp(_log, followUp.Tag, old.Tag, old.ResolvedAt);
            return followUp;
        }

        return await ChangeAsync(
            id,
            cancellationToken,
            (ticket, terms, at) =>
            {
                if (ticket.Status is TicketStatus.Resolved or TicketStatus.Closed && (ticket.ResolvedAt is not { } resolved || at - resolved > ReopenWindow))
                {
                    throw new ConflictException($"Ticket {ticket.Tag} was resolved more than {ReopenWindow.TotalDays:0} days ago; reply again to open a new request.");
                }

                var status = ticket.Status is TicketStatus.Waiting or TicketStatus.Resolved or TicketStatus.Closed ? Working(ticket) : ticket.Status;
                return (ticket with { Status = status, ResolvedAt = status == TicketStatus.Resolved ? ticket.ResolvedAt : null }, (TicketEventKind.CustomerReplied, from, text), null);
            },
            messageId);
    }

    public async Task<TicketDto> GetAsync(long id, CancellationToken cancellationToken) =>
        await DescribeAsync(await FindAsync(id, cancellationToken), cancellationToken);

    public async Task<Ticket> FindAsync(long id, CancellationToken cancellationToken) =>
        await tickets.FindAsync(id, cancellationToken) ?? throw new NotFoundException($"Ticket {Ticket.TagPrefix}{id} does not exist.");

    public async Task<IReadOnlyList<TicketDto>> ListAsync(string? customerCode, bool openOnly, CancellationToken cancellationToken)
    {
        long? customerId = customerCode is null ? null : (await directory.CustomerAsync(customerCode, cancellationToken)).Id;
        var result = new List<TicketDto>();
        foreach (var ticket in await tickets.ListAsync(customerId, openOnly, cancellationToken))
        {
            result.Add(await DescribeAsync(ticket, cancellationToken));
        }

        return result;
    }

    /// <summary>Reads "AL-12", "[AL-12]" or "12".</summary>
    public static long ParseReference(string? reference)
    {
        var text = (reference ?? string.Empty).Trim().Trim('[', ']');
        if (text.StartsWith(Ticket.TagPrefix, StringComparison.OrdinalIgnoreCase))
        {
            text = text[Ticket.TagPrefix.Length..];
        }

        return long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw new UserException($"'{reference}' is not a ticket (e.g. AL-12).");
    }

    private async Task<TicketDto> ChangeAsync(
        long id,
        CancellationToken cancellationToken,
        Func<Ticket, AgreementTerms, DateTimeOffset, (Ticket Next, (TicketEventKind Kind, string Actor, string Text) Event, MailDraft? Mail)> step,
        string? messageId = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var ticket = await FindAsync(id, cancellationToken);
            var customer = await directory.CustomerAsync(ticket.CustomerId, cancellationToken);
            var terms = await TermsAsync(customer, ticket, cancellationToken);
            var now = time.GetUtcNow();
            var (next, change, mail) = step(ticket, terms, now);
            var saved = await tickets.SaveAsync(next, now, [change], mail is null ? [] : [mail], messageId is null ? [] : [messageId], cancellationToken);
            if (saved is not null)
            {
                if (mail is not null)
                {
                    MailLog.Queued(_log, mail.MessageId, mail.To, saved.Tag, mail.NotBefore);
                }

                return await DescribeAsync(saved, cancellationToken);
            }

            if (attempt >= 3)
            {
                throw new ConflictException($"Ticket {ticket.Tag} is being changed by someone else; try again.");
            }
        }
    }

    private async Task<TicketDto> DescribeAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        var customer = await directory.CustomerAsync(ticket.CustomerId, cancellationToken);
        var events = await tickets.EventsAsync(ticket.Id, cancellationToken);
        var sla = new TicketSla(ticket, events, await TermsAsync(customer, ticket, cancellationToken));
        return ticket.ToDto(customer.Code, sla, events, time.GetUtcNow());
    }

    /// <summary>The terms of the agreement in force when the ticket was opened.</summary>
    private async Task<AgreementTerms> TermsAsync(Customer customer, Ticket ticket, CancellationToken cancellationToken) =>
        (await directory.HistoryAsync(customer, cancellationToken)).On(ServiceDeskDirectory.Day(ticket.OpenedAt))?.Terms ?? AgreementTerms.Default;

    private async Task<Contact?> ContactAsync(Customer customer, string? email, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var contact = await contacts.FindByEmailAsync(ContactService.Email(email), cancellationToken);
        return contact is not null && contact.CustomerId == customer.Id
            ? contact
            : throw new UserException($"'{email.Trim()}' is not a contact of customer '{customer.Code}'.");
    }

    private static void RequireOpen(Ticket ticket)
    {
        if (!ticket.IsOpen)
        {
            throw new ConflictException($"Ticket {ticket.Tag} is {KebabNames.Of(ticket.Status)}; reopen it first.");
        }
    }

    private static TicketStatus Working(Ticket ticket) => ticket.Assignee is null ? TicketStatus.Registered : TicketStatus.Assigned;

    private static string Actor(TicketNoteRequest? request) =>
        string.IsNullOrWhiteSpace(request?.Actor) ? HelpDeskActor : request.Actor.Trim();
}
