using NodaTime;

namespace AppLayer.Core.ServiceDesk.Calendar;

/// <summary>
/// The covered hours of an agreement as instants: service hours on workdays in the customer's
/// time zone (across DST changes), or around the clock.
/// </summary>
public sealed class CoverageCalendar
{
    public const string DefaultZoneId = "Europe/Prague";

    public static readonly LocalTime DefaultOpens = new(8, 0);
    public static readonly LocalTime DefaultCloses = new(16, 30);

    public CoverageCalendar(Coverage coverage, DateTimeZone zone, LocalTime opens, LocalTime closes)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (closes <= opens)
        {
            throw new ArgumentException("Service hours must close after they open.", nameof(closes));
        }

        Coverage = coverage;
        Zone = zone;
        Opens = opens;
        Closes = closes;
    }

    public Coverage Coverage { get; }

    public DateTimeZone Zone { get; }

    public LocalTime Opens { get; }

    public LocalTime Closes { get; }

    public static CoverageCalendar For(Coverage coverage) =>
        new(coverage, DateTimeZoneProviders.Tzdb[DefaultZoneId], DefaultOpens, DefaultCloses);

    public bool IsWorkday(LocalDate date) =>
        date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !CzechHolidays.IsHoliday(date);

    public bool IsCovered(Instant instant)
    {
        if (Coverage == Coverage.AllDay)
        {
            return true;
        }

        var local = instant.InZone(Zone).LocalDateTime;
        return IsWorkday(local.Date) && local.TimeOfDay >= Opens && local.TimeOfDay < Closes;
    }

    /// <returns>The covered parts of [<paramref name="from"/>, <paramref name="to"/>), in order; lazily, so <paramref name="to"/> may be far.</returns>
    public IEnumerable<(Instant Start, Instant End)> CoveredIntervals(Instant from, Instant to)
    {
        if (to <= from)
        {
            yield break;
        }

        if (Coverage == Coverage.AllDay)
        {
            yield return (from, to);
            yield break;
        }

        var day = from.InZone(Zone).Date;
        while (true)
        {
            var opens = day.At(Opens).InZoneLeniently(Zone).ToInstant();
            if (opens >= to)
            {
                yield break;
            }

            if (IsWorkday(day))
            {
                var closes = day.At(Closes).InZoneLeniently(Zone).ToInstant();
                var start = opens > from ? opens : from;
                var end = closes < to ? closes : to;
                if (start < end)
                {
                    yield return (start, end);
                }
            }

            day = day.PlusDays(1);
        }
    }

    public Duration CoveredBetween(Instant from, Instant to)
    {
        var total = Duration.Zero;
        foreach (var (start, end) in CoveredIntervals(from, to))
        {
            total += end - start;
        }

        return total;
    }

    /// <returns><paramref name="instant"/> when it is covered, else the start of the next covered hours.</returns>
    public Instant NextCovered(Instant instant)
    {
        foreach (var (start, _) in CoveredIntervals(instant, Instant.MaxValue))
        {
            return start;
        }

        throw new InvalidOperationException("A calendar without covered hours.");
    }
}
