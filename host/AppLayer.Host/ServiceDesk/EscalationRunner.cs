using AppLayer.Protocol;
using AppLayer.Core.ServiceDesk.Tickets;

namespace AppLayer.Host.ServiceDesk;

/// <summary>One escalation run (<see cref="EscalationService"/>) with its steps logged (<see cref="EscalationLog"/>): tickets examined, notices recorded, mails queued.</summary>
public sealed class EscalationRunner(EscalationService escalation, ILogger<EscalationRunner> logger)
{
    public async Task<EscalationResult> RunAsync(CancellationToken cancellationToken)
    {
        EscalationLog.Started(logger);
        var result = await escalation.RunAsync(cancellationToken);
        EscalationLog.Examined(logger, result.Examined, result.At);
        foreach (var notice in result.Recorded)
        {
            EscalationLog.Notice(logger, notice.Kind.ToName(), notice.Tag, notice.Deadline, notice.Mailed);
        }

        EscalationLog.Finished(logger, result.Examined, result.Warnings, result.Breaches, result.MailsQueued, result.AlreadyRecorded, result.Changed);
        return result;
    }
}
