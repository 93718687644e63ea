using AppLayer.Core.Agreements;
using AppLayer.Core.ServiceDesk.Mail;

namespace AppLayer.Core.ServiceDesk.Tickets;

/// <summary>
/// The mails of a ticket's flow. Each goes out inside the customer's covered hours, or at once
/// when the ticket is urgent. <c>{tag}</c> stands for the ticket's tag until it has a number.
/// </summary>
public static class TicketMails
{
    public static MailDraft? ToCustomer(Ticket ticket, AgreementTerms terms, DateTimeOffset now, string what, string subject, string body, string? inReplyTo = null)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return ticket.ContactEmail is null
            ? null
            : new MailDraft(MessageIds.New(what), ticket.ContactEmail, $"{Tag(ticket)} {subject}", body, inReplyTo, SendAt(ticket, terms, now));
    }

    public static MailDraft ToSupplier(Ticket ticket, AgreementTerms terms, DateTimeOffset now, string to, string what, string subject, string body) =>
        new(MessageIds.New(what), to, $"{Tag(ticket)} {subject}", body, null, SendAt(ticket, terms, now));

    /// <summary>No mail outside the customer's covered hours unless urgent.</summary>
    public static DateTimeOffset SendAt(Ticket ticket, AgreementTerms terms, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(terms);
        return ticket.Priority == Priority.Urgent
            ? now
            : terms.Calendar().NextCovered(NodaTime.Instant.FromDateTimeOffset(now)).ToDateTimeOffset();
    }

    private static string Tag(Ticket ticket) => ticket.Id == 0 ? "{tag}" : ticket.Tag;
}
