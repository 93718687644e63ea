using AppLayer.Core.ServiceDesk.Calendar;
using NodaTime;

namespace AppLayer.Host.Tests.Service;

public static class CoverageCalendarTests
{
    public sealed class Holidays
    {
        [Fact]
        public void Of_2026_include_Good_Friday_and_Easter_Monday_and_the_fixed_days()
        {
            var days = CzechHolidays.Of(2026);

            days.Count.ShouldBe(13);
            days.ShouldContain(new LocalDate(2026, 4, 3));
            days.ShouldContain(new LocalDate(2026, 4, 6));
            days.ShouldContain(new LocalDate(2026, 10, 28));
            days.ShouldNotContain(new LocalDate(2026, 4, 5)); // Easter Sunday is a Sunday anyway
        }

        [Theory]
        [InlineData(2024, 3, 31)]
        [InlineData(2025, 4, 20)]
        [InlineData(2027, 3, 28)]
        [InlineData(2038, 4, 25)]
        public void Easter_Sunday_matches_the_church_calendar(int year, int month, int day) =>
            CzechHolidays.EasterSunday(year).ShouldBe(new LocalDate(year, month, day));
    }

    public sealed class NextCovered
    {
        [Fact]
        public void Skips_the_night_the_weekend_and_a_holiday()
        {
            var calendar = CoverageCalendar.For(Coverage.BusinessHours);
            var fridayEvening = Instant.FromUtc(2026, 10, 23, 16, 0); // 18:00 CEST, Friday
            // Saturday, Sunday (DST ends), Monday 26th is a workday.
            calendar.NextCovered(fridayEvening).ShouldBe(Instant.FromUtc(2026, 10, 26, 7, 0));
            var beforeStateDay = Instant.FromUtc(2026, 10, 27, 16, 0); // Tuesday evening; 28th is a holiday
            calendar.NextCovered(beforeStateDay).ShouldBe(Instant.FromUtc(2026, 10, 29, 7, 0));
        }

        [Fact]
        public void Is_the_instant_itself_around_the_clock()
        {
            var at = Instant.FromUtc(2026, 12, 24, 23, 0);
            CoverageCalendar.For(Coverage.AllDay).NextCovered(at).ShouldBe(at);
        }
    }
}
