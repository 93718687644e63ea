
namespace AppLayer.Host.ServiceDesk;

/// <summary>Log lines of the service desk's escalation runs and its background jobs (event ids 4080–4099, docs/operations.md).</summary>
internal static partial class EscalationLog
{
    [LoggerMessage(EventId = 4080, Level = LogLevel.Debug, Message = "Escalation run started.")]
    public static partial void Started(ILogger logger);

    [LoggerMessage(EventId = 4081, Level = LogLevel.Debug, Message = "Escalation examined {Examined} open tickets at {At:u}.")]
    public static partial void Examined(ILogger logger, int examined, DateTimeOffset at);

    [LoggerMessage(EventId = 4082, Level = LogLevel.Information, Message = "Escalation recorded {Kind} for {Ticket} (deadline {Deadline:u}); mail queued: {Mailed}.")]
    public static partial void Notice(ILogger logger, string kind, string ticket, DateTimeOffset deadline, bool mailed);

    [LoggerMessage(EventId = 4083, Level = LogLevel.Information, Message = "Escalation run done: {Examined} open tickets examined, {Warnings} warnings and {Breaches} breaches recorded, {Mails} mails queued, {Already} already recorded by another run, {Changed} left for the next run (ticket changed meanwhile).")]
    public static partial void Finished(ILogger logger, int examined, int warnings, int breaches, int mails, int already, int changed);

    [LoggerMessage(EventId = 4084, Level = LogLevel.Error, Message = "Service desk jobs (escalation, outbox) failed; they run again in {Interval}.")]
    public static partial void JobsFailed(ILogger logger, Exception exception, TimeSpan interval);
}
