using AppLayer.Core.ServiceDesk.Calendar;
using AppLayer.Core.ServiceDesk.Sla;
using NodaTime;

namespace AppLayer.Host.Tests.Service;

/// <summary>The SLA clock against <see cref="MinuteOracle"/> on random tickets around DST changes, holidays, pauses and 24×7 agreements.</summary>
public sealed class SlaClockPropertyTests
{
    private const int Tickets = 10_000;

    private static readonly CoverageCalendar Business = CoverageCalendar.For(Coverage.BusinessHours);
    private static readonly CoverageCalendar AllDay = CoverageCalendar.For(Coverage.AllDay);

    [Fact]
    public void Elapsed_time_and_deadlines_agree_with_the_minute_by_minute_oracle_on_10000_random_tickets()
    {
        var random = new Random(20261028);
        var anchors = Anchors();
        int allDay = 0, paused = 0, openPauses = 0, deadlines = 0;
        for (var i = 0; i < Tickets; i++)
        {
            var ticket = NewTicket(random, anchors);
            var calendar = ticket.AllDay ? AllDay : Business;
            var clock = new SlaClock(calendar, At(ticket.Opened), ticket.Pauses.Select(p => new Pause(At(p.Start), p.End is { } e ? At(e) : null)));

            var (elapsed, deadline) = MinuteOracle.Run(ticket.AllDay, ticket.Opened, ticket.Now, ticket.Pauses, ticket.Target);

            var context = $"ticket {i}: {ticket}";
            ((long)clock.Elapsed(At(ticket.Now)).TotalMinutes).ShouldBe(elapsed, context);
            clock.Deadline(Duration.FromMinutes(ticket.Target)).ShouldBe(deadline is { } d ? At(d) : null, context);
            allDay += ticket.AllDay ? 1 : 0;
            paused += ticket.Pauses.Count > 0 ? 1 : 0;
            openPauses += ticket.Pauses.Any(p => p.End is null) ? 1 : 0;
            deadlines += deadline is null ? 0 : 1;
        }

        // The generator really covers the cases the property is about.
        allDay.ShouldBeGreaterThan(Tickets / 5);
        paused.ShouldBeGreaterThan(Tickets / 2);
        openPauses.ShouldBeGreaterThan(Tickets / 20);
        deadlines.ShouldBeGreaterThan(Tickets / 2);
    }

    [Fact]
    public void The_oracle_itself_counts_a_plain_workday_as_510_minutes_and_a_holiday_as_none()
    {
        var monday = Minute(new DateTime(2026, 10, 26, 0, 0, 0, DateTimeKind.Utc)); // the day after the change to CET
        MinuteOracle.Run(false, monday, monday + 1440, [], 1).Elapsed.ShouldBe(510);
        var stateDay = Minute(new DateTime(2026, 10, 27, 23, 0, 0, DateTimeKind.Utc)); // 28 October, Prague midnight
        MinuteOracle.Run(false, stateDay, stateDay + 1440, [], 1).Elapsed.ShouldBe(0);
    }

    private static Instant At(long minute) => Instant.FromUnixTimeSeconds(minute * 60);

    private static long Minute(DateTime utc) => (long)(utc - DateTime.UnixEpoch).TotalMinutes;

    /// <summary>Days the tickets cluster around: DST changes, Easter, Christmas, state holidays, and plain days.</summary>
    private static List<long> Anchors()
    {
        var anchors = new List<long>();
        for (var year = 2024; year <= 2029; year++)
        {
            foreach (var date in new[]
            {
                LastSunday(year, 3), LastSunday(year, 10), CzechHolidays.EasterSunday(year).ToDateTimeUnspecified(),
                new DateTime(year, 12, 23), new DateTime(year, 5, 7), new DateTime(year, 7, 3), new DateTime(year, 9, 27), new DateTime(year, 11, 16),
                new DateTime(year, 2, 12), new DateTime(year, 6, 17),
            })
            {
                anchors.Add(Minute(DateTime.SpecifyKind(date, DateTimeKind.Utc)));
            }
        }

        return anchors;
    }

    private static DateTime LastSunday(int year, int month)
    {
        var day = new DateTime(year, month, DateTime.DaysInMonth(year, month));
        return day.AddDays(-(int)day.DayOfWeek);
    }

    private static RandomTicket NewTicket(Random random, List<long> anchors)
    {
        var allDay = random.Next(4) == 0;
        var opened = anchors[random.Next(anchors.Count)] + random.Next(-3 * 1440, 3 * 1440);
        var pauses = new List<(long Start, long? End)>();
        var cursor = opened + random.Next(-120, 2 * 1440);
        var count = random.Next(4);
        for (var p = 0; p < count; p++)
        {
            var start = cursor + random.Next(0, 2 * 1440);
            long? end = p == count - 1 && random.Next(5) == 0 ? null : start + random.Next(1, 2 * 1440);
            pauses.Add((start, end));
            cursor = (end ?? start) + random.Next(0, 1440);
        }

        var now = opened + random.Next(0, 10 * 1440);
        var target = allDay ? random.Next(1, 3 * 1440) : random.Next(1, 3 * 510);
        return new RandomTicket(allDay, opened, now, pauses, target);
    }

    private sealed record RandomTicket(bool AllDay, long Opened, long Now, List<(long Start, long? End)> Pauses, long Target)
    {
        public override string ToString() =>
            $"allDay={AllDay} opened={At(Opened)} now={At(Now)} target={Target} pauses=[{string.Join("; ", Pauses.Select(p => $"{At(p.Start)}..{(p.End is { } e ? At(e).ToString() : "open")}"))}]";
    }
}
