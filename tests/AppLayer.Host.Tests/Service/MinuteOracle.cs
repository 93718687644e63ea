namespace AppLayer.Host.Tests.Service;

/// <summary>
/// The brute-force SLA oracle: steps one minute at a time (minutes since the Unix epoch, UTC) and
/// asks of each minute whether it is covered and not paused. It knows Prague time and the Czech
/// holidays on its own (EU summer time rule, Easter dates from a table), sharing no code with
/// the calendar under test.
/// </summary>
internal static class MinuteOracle
{
    private const long MinutesPerDay = 1440;
    private const long Opens = 8 * 60;
    private const long Closes = (16 * 60) + 30;

    private static readonly Dictionary<int, DateOnly> EasterSundays = new()
    {
        [2023] = new(2023, 4, 9), [2024] = new(2024, 3, 31), [2025] = new(2025, 4, 20), [2026] = new(2026, 4, 5),
        [2027] = new(2027, 3, 28), [2028] = new(2028, 4, 16), [2029] = new(2029, 4, 1), [2030] = new(2030, 4, 21),
    };

    private static readonly HashSet<long> Holidays = BuildHolidays();

    /// <summary>Returns the covered unpaused minutes in [opened, now) and the deadline (end of the minute that reaches the target), if reached before an open pause.</summary>
    public static (long Elapsed, long? Deadline) Run(bool allDay, long opened, long now, IReadOnlyList<(long Start, long? End)> pauses, long target)
    {
        long elapsed = 0;
        long counted = 0;
        long? deadline = null;
        var openPauseAt = pauses.Where(p => p.End is null).Select(p => (long?)p.Start).Min();
        for (var minute = opened; ; minute++)
        {
            if (minute >= now && deadline is not null)
            {
                break;
            }

            if (minute >= now && openPauseAt is { } stop && minute >= stop)
            {
                break;
            }

            var running = !Paused(pauses, minute) && (allDay || Covered(minute));
            if (running)
            {
                counted++;
                if (minute < now)
                {
                    elapsed++;
                }

                if (counted == target && deadline is null)
                {
                    deadline = minute + 1;
                }
            }
        }

        return (elapsed, deadline);
    }

    private static bool Paused(IReadOnlyList<(long Start, long? End)> pauses, long minute)
    {
        foreach (var (start, end) in pauses)
        {
            if (minute >= start && (end is null || minute < end))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Covered(long utcMinute)
    {
        var local = utcMinute + PragueOffset(utcMinute);
        var day = Math.DivRem(local, MinutesPerDay, out var minuteOfDay);
        if (minuteOfDay < Opens || minuteOfDay >= Closes)
        {
            return false;
        }

        var weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
        return weekday is not (0 or 6) && !Holidays.Contains(day);
    }

    /// <summary>CET (+60) or CEST (+120): summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.</summary>
    private static long PragueOffset(long utcMinute)
    {
        var year = DateTime.UnixEpoch.AddMinutes(utcMinute).Year;
        return utcMinute >= LastSundayOneUtc(year, 3) && utcMinute < LastSundayOneUtc(year, 10) ? 120 : 60;
    }

    private static long LastSundayOneUtc(int year, int month)
    {
        var day = new DateTime(year, month, DateTime.DaysInMonth(year, month), 1, 0, 0, DateTimeKind.Utc);
        while (day.DayOfWeek != DayOfWeek.Sunday)
        {
            day = day.AddDays(-1);
        }

        return (long)(day - DateTime.UnixEpoch).TotalMinutes;
    }

    private static HashSet<long> BuildHolidays()
    {
        var days = new HashSet<long>();
        foreach (var (year, easter) in EasterSundays)
        {
            foreach (var (month, day) in new[] { (1, 1), (5, 1), (5, 8), (7, 5), (7, 6), (9, 28), (10, 28), (11, 17), (12, 24), (12, 25), (12, 26) })
            {
                days.Add(DayNumber(new DateOnly(year, month, day)));
            }

            days.Add(DayNumber(easter.AddDays(-2)));
            days.Add(DayNumber(easter.AddDays(1)));
        }

        return days;
    }

    private static long DayNumber(DateOnly date) => date.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
}
