using NodaTime;

namespace AppLayer.Core.ServiceDesk.Calendar;

/// <summary>
/// Czech public holidays (Act No. 245/2000 Coll.): the fixed days plus Good Friday and Easter
/// Monday, computed from the Gregorian Easter date.
/// </summary>
public static class CzechHolidays
{
    private static readonly (int Month, int Day)[] Fixed =
    [
        (1, 1), (5, 1), (5, 8), (7, 5), (7, 6), (9, 28), (10, 28), (11, 17), (12, 24), (12, 25), (12, 26),
    ];

    public static bool IsHoliday(LocalDate date)
    {
        foreach (var (month, day) in Fixed)
        {
            if (date.Month == month && date.Day == day)
            {
                return true;
            }
        }

        var easter = EasterSunday(date.Year);
        return date == easter.PlusDays(1) || (date.Year >= 2016 && date == easter.PlusDays(-2));
    }

    /// <returns>Every holiday of the year, in order.</returns>
    public static IReadOnlyList<LocalDate> Of(int year)
    {
        var days = Fixed.Select(f => new LocalDate(year, f.Month, f.Day)).ToList();
        var easter = EasterSunday(year);
        days.Add(easter.PlusDays(1));
        if (year >= 2016)
        {
            days.Add(easter.PlusDays(-2));
        }

        days.Sort();
        return days;
    }

    /// <summary>Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static LocalDate EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }
}
