using NodaTime;

namespace AppLayer.Core.Compliance;

/// <summary>Which calendar day an instant falls on for the supplier (Europe/Prague), where laws take effect at midnight.</summary>
public static class SupplierCalendar
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Prague"];

    public static DateOnly DateOf(DateTimeOffset instant) =>
        Instant.FromDateTimeOffset(instant).InZone(Zone).Date.ToDateOnly();

    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOf(time.GetUtcNow());
    }
}
