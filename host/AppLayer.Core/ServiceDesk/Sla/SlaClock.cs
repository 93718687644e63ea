using AppLayer.Core.ServiceDesk.Calendar;
using NodaTime;

namespace AppLayer.Core.ServiceDesk.Sla;

/// <summary>
/// Business time of one ticket: it runs only inside the agreement's covered hours and stands
/// during pauses. Pauses may be given in any order and may overlap.
/// </summary>
public sealed class SlaClock(CoverageCalendar calendar, Instant opened, IEnumerable<Pause> pauses)
{
    private readonly IReadOnlyList<Pause> _pauses = Normalise(pauses);

    /// <returns>The business time that has run from opening until <paramref name="now"/>.</returns>
    public Duration Elapsed(Instant now)
    {
        var total = Duration.Zero;
        foreach (var (start, end) in Running(now))
        {
            total += calendar.CoveredBetween(start, end);
        }

        return total;
    }

    /// <returns>The first instant at which <paramref name="target"/> of business time has run, or <c>null</c> while a pause lasts first.</returns>
    public Instant? Deadline(Duration target)
    {
        if (target <= Duration.Zero)
        {
            return opened;
        }

        var left = target;
        foreach (var (start, end) in Running(Instant.MaxValue))
        {
            foreach (var (from, to) in calendar.CoveredIntervals(start, end))
            {
                if (to - from >= left)
                {
                    return from + left;
                }

                left -= to - from;
            }
        }

        return null;
    }

    /// <summary>The stretches from opening until <paramref name="until"/> when the clock is not paused.</summary>
    private IEnumerable<(Instant Start, Instant End)> Running(Instant until)
    {
        var cursor = opened;
        foreach (var pause in _pauses)
        {
            if (cursor >= until)
            {
                yield break;
            }

            if (pause.Start > cursor)
            {
                yield return (cursor, pause.Start < until ? pause.Start : until);
            }

            if (pause.End is not { } end)
            {
                yield break;
            }

            cursor = end > cursor ? end : cursor;
        }

        if (cursor < until)
        {
            yield return (cursor, until);
        }
    }

    private static List<Pause> Normalise(IEnumerable<Pause> pauses)
    {
        var merged = new List<Pause>();
        foreach (var pause in pauses.OrderBy(p => p.Start))
        {
            if (merged.Count > 0 && merged[^1] is { } last && (last.End is null || pause.Start <= last.End))
            {
                var end = last.End is null || pause.End is null ? (Instant?)null : Instant.Max(last.End.Value, pause.End.Value);
                merged[^1] = last with { End = end };
            }
            else if (pause.End is null || pause.End > pause.Start)
            {
                merged.Add(pause);
            }
        }

        return merged;
    }
}
