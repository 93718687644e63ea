using AppLayer.Core.Agreements;
using AppLayer.Core.ServiceDesk.Sla;
using NodaTime;

namespace AppLayer.Core.ServiceDesk.Tickets;

/// <summary>A ticket's SLA clock: business time of its agreement, paused while waiting for the customer or resolved.</summary>
public sealed class TicketSla
{
    private readonly SlaClock _clock;

    public TicketSla(Ticket ticket, IReadOnlyList<TicketEvent> events, AgreementTerms terms)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(terms);
        Target = terms.Target(ticket.Priority);
        Pauses = PausesOf(events);
        _clock = new SlaClock(terms.Calendar(), Instant.FromDateTimeOffset(ticket.OpenedAt), Pauses);
    }

    public SlaTarget Target { get; }

    public IReadOnlyList<Pause> Pauses { get; }

    public bool Paused => Pauses.Count > 0 && Pauses[^1].End is null;

    public Duration Elapsed(DateTimeOffset now) => _clock.Elapsed(Instant.FromDateTimeOffset(now));

    public DateTimeOffset? ResponseDue => Due(Target.ResponseMinutes, 100);

    public DateTimeOffset? ResolutionDue => Due(Target.ResolutionMinutes, 100);

    /// <returns>When <paramref name="percent"/> % of a target of <paramref name="minutes"/> will have run.</returns>
    public DateTimeOffset? Due(int minutes, int percent) =>
        _clock.Deadline(Duration.FromMinutes(minutes * (long)percent / 100))?.ToDateTimeOffset();

    private static List<Pause> PausesOf(IReadOnlyList<TicketEvent> events)
    {
        var pauses = new List<Pause>();
        Instant? start = null;
        foreach (var e in events.OrderBy(e => e.At).ThenBy(e => e.Id))
        {
            if (e.Kind.Pauses() && start is null)
            {
                start = Instant.FromDateTimeOffset(e.At);
            }
            else if (e.Kind.Resumes() && start is { } s)
            {
                pauses.Add(new Pause(s, Instant.FromDateTimeOffset(e.At)));
                start = null;
            }
        }

        if (start is { } open)
        {
            pauses.Add(new Pause(open, null));
        }

        return pauses;
    }
}
