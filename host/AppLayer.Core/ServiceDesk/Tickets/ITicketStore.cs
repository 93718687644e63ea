using AppLayer.Core.ServiceDesk.Mail;

namespace AppLayer.Core.ServiceDesk.Tickets;

/// <summary>Tickets, their events, their threads of Message-IDs and the mails they cause, each change in one transaction.</summary>
public interface ITicketStore
{
    /// <summary>Stores a new ticket with its first events and mails; <c>{tag}</c> in a mail's subject or body becomes the ticket's tag.</summary>
    Task<Ticket> CreateAsync(Ticket ticket, IReadOnlyList<(TicketEventKind Kind, string Actor, string Text)> events, IReadOnlyList<MailDraft> mails, IReadOnlyList<string> messageIds, CancellationToken cancellationToken);

    /// <summary>Saves <paramref name="ticket"/> if nobody changed it since <see cref="Ticket.RowVersion"/>, with events, mails and Message-IDs.</summary>
    /// <returns>The saved ticket, or <c>null</c> when another change came first.</returns>
    Task<Ticket?> SaveAsync(Ticket ticket, DateTimeOffset at, IReadOnlyList<(TicketEventKind Kind, string Actor, string Text)> events, IReadOnlyList<MailDraft> mails, IReadOnlyList<string> messageIds, CancellationToken cancellationToken);

    Task<Ticket?> FindAsync(long id, CancellationToken cancellationToken);

    /// <returns>The ticket a mail with this Message-ID belongs to.</returns>
    Task<long?> FindByMessageIdAsync(string messageId, CancellationToken cancellationToken);

    /// <returns>Tickets of one customer (or all), newest first.</returns>
    Task<IReadOnlyList<Ticket>> ListAsync(long? customerId, bool openOnly, CancellationToken cancellationToken);

    Task<IReadOnlyList<TicketEvent>> EventsAsync(long ticketId, CancellationToken cancellationToken);

    /// <returns>The events of every open ticket, in order.</returns>
    Task<IReadOnlyList<TicketEvent>> OpenTicketEventsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records an escalation notice (<paramref name="kind"/>: a warning or breach of one clock) with
    /// its event and mail, at most once per ticket and kind, ever (a unique key), and only while
    /// the ticket is still at <see cref="Ticket.RowVersion"/>. The ticket itself is not changed.
    /// </summary>
    Task<NoticeOutcome> RecordNoticeAsync(Ticket ticket, DateTimeOffset at, TicketEventKind kind, string actor, string text, MailDraft? mail, CancellationToken cancellationToken);
}
