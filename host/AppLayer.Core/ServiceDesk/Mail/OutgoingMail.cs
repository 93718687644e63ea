namespace AppLayer.Core.ServiceDesk.Mail;

/// <summary>A mail in the outbox; <see cref="SentAt"/> is set once the SMTP server accepted it.</summary>
public sealed record OutgoingMail(
    long Id,
    string MessageId,
    long? TicketId,
    string To,
    string Subject,
    string Body,
    string? InReplyTo,
    DateTimeOffset NotBefore,
    int Attempts,
    string? LastError,
    DateTimeOffset? SentAt);
