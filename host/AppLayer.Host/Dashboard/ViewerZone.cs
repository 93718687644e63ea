using NodaTime;

namespace AppLayer.Host.Dashboard;

/// <summary>
/// The time zone a dashboard viewer reads times in: the <c>applayer.tz</c> cookie (set from the zone form in the page
/// footer) when it names a known zone, else Europe/Prague.
/// </summary>
internal sealed class ViewerZone(DateTimeZone zone)
{
    public const string CookieName = "applayer.tz";

    public const string DefaultId = "Europe/Prague";

    /// <summary>The zones offered in the footer's form; any other IANA zone works through the cookie too.</summary>
    public static readonly IReadOnlyList<string> Offered = ["Europe/Prague", "Europe/Bratislava", "Europe/London", "UTC", "America/New_York", "Asia/Tokyo"];

    public static ViewerZone Default { get; } = new(DateTimeZoneProviders.Tzdb[DefaultId]);

    public string Id => zone.Id;

    public static ViewerZone From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Find(context.Request.Cookies[CookieName]) ?? Default;
    }

    public static ViewerZone? Find(string? id) =>
        !string.IsNullOrWhiteSpace(id) && DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim()) is { } found ? new ViewerZone(found) : null;

    /// <summary>A time as the viewer reads it: <c>2024-01-20 11:00</c> (one line, no wrapping).</summary>
    public string When(DateTimeOffset at) =>
        Instant.FromDateTimeOffset(at).InZone(zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public DateOnly Day(DateTimeOffset at)
    {
        var date = Instant.FromDateTimeOffset(at).InZone(zone).Date;
        return new DateOnly(date.Year, date.Month, date.Day);
    }

    /// <summary>The instant a day starts in this zone, for "jump to a date".</summary>
    public DateTimeOffset StartOf(DateOnly day) =>
        new LocalDate(day.Year, day.Month, day.Day).AtStartOfDayInZone(zone).ToDateTimeOffset();
}
