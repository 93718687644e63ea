using Microsoft.Extensions.Logging;

namespace AppLayer.Core.ServiceDesk.Mail;

/// <summary>Log lines of the service desk's mail, from the outbox to the SMTP server (event ids 4060–4079, docs/operations.md).</summary>
public static partial class MailLog
{
    [LoggerMessage(EventId = 4060, Level = LogLevel.Information, Message = "Mail {MessageId} to {To} queued for {Ticket}, due at {NotBefore:O}.")]
    public static partial void Queued(ILogger logger, string messageId, string to, string ticket, DateTimeOffset notBefore);

    [LoggerMessage(EventId = 4061, Level = LogLevel.Information, Message = "Mail {MessageId} to {To} ({Subject}) queued for {NotBefore:O} is due; attempt {Attempt}.")]
    public static partial void Due(ILogger logger, string messageId, string to, string subject, DateTimeOffset notBefore, int attempt);

    [LoggerMessage(EventId = 4062, Level = LogLevel.Information, Message = "Mail {MessageId} to {To} sent (attempt {Attempt}).")]
    public static partial void Sent(ILogger logger, string messageId, string to, int attempt);

    [LoggerMessage(EventId = 4063, Level = LogLevel.Warning, Message = "Mail {MessageId} to {To} not sent (attempt {Attempt}): {Error}; retried at {RetryAt:O}.")]
    public static partial void Failed(ILogger logger, string messageId, string to, int attempt, string error, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 4064, Level = LogLevel.Information, Message = "{Count} more due mail(s) not tried in this round: the SMTP server was unreachable; they are due again next round.")]
    public static partial void Deferred(ILogger logger, int count);
}
