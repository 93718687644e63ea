namespace AppLayer.Core.ServiceDesk.Mail;

/// <summary>A mail to put in the outbox, together with the change that causes it.</summary>
public sealed record MailDraft(string MessageId, string To, string Subject, string Body, string? InReplyTo, DateTimeOffset NotBefore);
