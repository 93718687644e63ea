namespace AppLayer.Core.ServiceDesk.Tickets;

/// <summary>What one escalation run did.</summary>
/// <param name="At">The run's time.</param>
/// <param name="Examined">Open tickets looked at.</param>
/// <param name="Recorded">Notices recorded (each with its mail queued) in this run.</param>
/// <param name="AlreadyRecorded">Notices another run recorded first.</param>
/// <param name="Changed">Notices not recorded because the ticket changed meanwhile; the next run looks again.</param>
public sealed record EscalationResult(DateTimeOffset At, int Examined, IReadOnlyList<EscalationNotice> Recorded, int AlreadyRecorded, int Changed)
{
    public int Warnings => Recorded.Count(n => n.Kind is TicketEventKind.ResponseWarning or TicketEventKind.ResolutionWarning);

    public int Breaches => Recorded.Count(n => n.Kind is TicketEventKind.ResponseBreached or TicketEventKind.ResolutionBreached);

    public int MailsQueued => Recorded.Count(n => n.Mailed);
}

/// <summary>One warning or breach recorded for a ticket's clock.</summary>
public sealed record EscalationNotice(long TicketId, string Tag, TicketEventKind Kind, DateTimeOffset Deadline, bool Mailed);

/// <summary>How recording one escalation notice went.</summary>
public enum NoticeOutcome
{
    Recorded,
    AlreadyRecorded,
    TicketChanged,
}
