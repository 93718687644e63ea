using System.Text.RegularExpressions;
using AppLayer.Core;
using AppLayer.Core.ServiceDesk.Contacts;
using AppLayer.Core.ServiceDesk.Tickets;
using MimeKit;

namespace AppLayer.Host.ServiceDesk;

/// <summary>
/// A mail to the Help Desk (MimeKit): a reply to a ticket when its subject carries the ticket's
/// tag ([AL-12]) or its In-Reply-To/References name a mail of the ticket; otherwise a new ticket
/// of the sender's customer. The same Message-ID twice is taken once.
/// </summary>
public sealed partial class IncomingMail(TicketService tickets, ITicketStore store, IContactStore contacts, ContactService contactService)
{
    public async Task<TicketDto> ReceiveAsync(Stream raw, CancellationToken cancellationToken)
    {
        MimeMessage message;
        try
        {
            message = await MimeMessage.LoadAsync(raw, cancellationToken);
        }
        catch (FormatException ex)
        {
            throw new UserException($"The mail cannot be read: {ex.Message}", ex);
        }

        var sender = message.From.Mailboxes.FirstOrDefault()?.Address ?? throw new UserException("The mail has no sender.");
        var contact = await contacts.FindByEmailAsync(ContactService.Email(sender), cancellationToken)
            ?? throw new UserException($"'{sender}' is not a contact of any customer.");
        var messageId = string.IsNullOrWhiteSpace(message.MessageId) ? null : $"<{message.MessageId}>";
        if (messageId is not null && await store.FindByMessageIdAsync(messageId, cancellationToken) is { } seen)
        {
            return await tickets.GetAsync(seen, cancellationToken);
        }

        var text = (message.TextBody ?? message.HtmlBody ?? string.Empty).Trim();
        if (await ThreadAsync(message, cancellationToken) is { } ticketId)
        {
            var ticket = await tickets.FindAsync(ticketId, cancellationToken);
            if (ticket.CustomerId != contact.CustomerId)
            {
                throw new UserException($"'{sender}' is not a contact of the customer of ticket {ticket.Tag}.");
            }

            return await tickets.CustomerReplyAsync(ticketId, contact.Email, text.Length == 0 ? "(empty reply)" : text, messageId, cancellationToken);
        }

        var customer = await contactService.CustomerCodeAsync(contact, cancellationToken);
        var subject = string.IsNullOrWhiteSpace(message.Subject) ? "(no subject)" : message.Subject;
        return await tickets.OpenAsync(
            new OpenTicketRequest(customer, subject, text.Length == 0 ? subject : text, Channel: "email", Contact: contact.Email),
            contact.Email,
            cancellationToken,
            messageId);
    }

    private async Task<long?> ThreadAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (TagPattern().Match(message.Subject ?? string.Empty) is { Success: true } tag)
        {
            return TicketService.ParseReference(tag.Groups[1].Value);
        }

        foreach (var id in new[] { message.InReplyTo }.Concat(message.References.Reverse()))
        {
            if (!string.IsNullOrWhiteSpace(id) && await store.FindByMessageIdAsync($"<{id.Trim('<', '>')}>", cancellationToken) is { } ticket)
            {
                return ticket;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\[(AL-\d{1,18})\]", RegexOptions.IgnoreCase)]
    private static partial Regex TagPattern();
}
