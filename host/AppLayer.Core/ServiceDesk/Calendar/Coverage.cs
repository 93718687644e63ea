namespace AppLayer.Core.ServiceDesk.Calendar;

/// <summary>When the supplier's service hours run for a customer.</summary>
public enum Coverage
{
    /// <summary>Workdays 08:00–16:30 Europe/Prague without Czech public holidays (free, the default).</summary>
    BusinessHours,

    /// <summary>24 hours a day, 365 days a year (for a surcharge).</summary>
    AllDay,
}
