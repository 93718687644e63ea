using AppLayer.Core.ServiceDesk.Tickets;
using Microsoft.Extensions.Logging;

namespace AppLayer.Host.ServiceDesk;

/// <summary>One escalation run (<see cref="EscalationService"/>) with its steps logged: tickets examined, notices recorded, mails queued.</summary>
public sealed partial class EscalationRunner(EscalationService escalation, ILogger<EscalationRunner> logger)
{
    public async Task<EscalationResult> RunAsync(CancellationToken cancellationToken)
    {
        LogStarted();
        var result = await escalation.RunAsync(cancellationToken);
        LogExamined(result.Examined, result.At);
        foreach (var notice in result.Recorded)
        {
            LogNotice(notice.Kind, notice.Tag, notice.Deadline, notice.Mailed);
        }

        LogFinished(result.Examined, result.Warnings, result.Breaches, result.MailsQueued, result.AlreadyRecorded, result.Changed);
        return result;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Escalation run started.")]
    private partial void LogStarted();

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Escalation examined {Examined} open tickets at {At:u}.")]
    private partial void LogExamined(int examined, DateTimeOffset at);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Escalation recorded {Kind} for {Ticket} (deadline {Deadline:u}); mail queued: {Mailed}.")]
    private partial void LogNotice(string kind, string ticket, DateTimeOffset deadline, bool mailed);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Escalation run done: {Examined} open tickets examined, {Warnings} warnings and {Breaches} breaches recorded, {Mails} mails queued, {Already} already recorded by another run, {Changed} left for the next run (ticket changed meanwhile).")]
    private partial void LogFinished(int examined, int warnings, int breaches, int mails, int already, int changed);
}
