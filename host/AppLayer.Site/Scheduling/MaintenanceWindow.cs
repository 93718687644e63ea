using System.Globalization;
using AppLayer.Protocol;
using NodaTime;
using NodaTime.Text;

namespace AppLayer.Site.Scheduling;

/// <summary>
/// When the agent may change the IS database: a daily span of local time in the installation's own
/// time zone (e.g. 22:00–05:00 Europe/Prague, across midnight). Daylight-saving shifts follow the zone.
/// </summary>
public sealed record MaintenanceWindow(LocalTime Start, LocalTime End, string TimeZone)
{
    private static readonly LocalTimePattern Pattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <exception cref="UserException">A time is not HH:mm, the span is empty or the zone unknown.</exception>
    public static MaintenanceWindow Parse(string start, string end, string timeZone)
    {
        var from = Pattern.Parse(start ?? string.Empty);
        var to = Pattern.Parse(end ?? string.Empty);
        if (!from.Success || !to.Success)
        {
            throw new UserException($"a maintenance window is two times HH:mm, such as 22:00 and 05:00; got '{start}' and '{end}'.");
        }

        if (from.Value == to.Value)
        {
            throw new UserException("the maintenance window must not start and end at the same time.");
        }

        _ = Zone(timeZone);
        return new MaintenanceWindow(from.Value, to.Value, timeZone);
    }

    public bool IsOpen(DateTimeOffset now)
    {
        var local = Instant.FromDateTimeOffset(now).InZone(Zone(TimeZone)).TimeOfDay;
        return Start < End ? local >= Start && local < End : local >= Start || local < End;
    }

    /// <summary>The next moment the window opens, after <paramref name="now"/> (now itself when open).</summary>
    public DateTimeOffset NextOpening(DateTimeOffset now)
    {
        if (IsOpen(now))
        {
            return now;
        }

        var zone = Zone(TimeZone);
        var local = Instant.FromDateTimeOffset(now).InZone(zone);
        var date = local.TimeOfDay < Start ? local.Date : local.Date.PlusDays(1);
        return zone.AtLeniently(date + Start).ToDateTimeOffset();
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Pattern.Format(Start)}–{Pattern.Format(End)} {TimeZone}");

    private static DateTimeZone Zone(string timeZone) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone ?? string.Empty)
        ?? throw new UserException($"time zone '{timeZone}' is not an IANA time zone such as Europe/Prague.");
}
