using AppLayer.Protocol.Api;

namespace AppLayer.Core.SystemLayer;

/// <summary>
/// Judges reported components against the support dates on one day: a version belongs to the longest cycle it
/// starts with on a dot boundary (<c>10.0.1</c> → <c>10.0</c> or <c>10</c>); its support ends at the end of the end date.
/// A pure function, so "what if today were" is only another day.
/// </summary>
public static class SupportAssessor
{
    public static IReadOnlyList<InventoryComponentDto> Assess(IReadOnlyList<InventoryItem> items, IReadOnlyList<SupportDate> dates, DateOnly today, int withinDays)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(dates);
        return [.. items.Select(item => Assess(item, dates, today, withinDays))];
    }

    public static string Worst(IEnumerable<InventoryComponentDto> components) =>
        components.Select(c => c.Support).DefaultIfEmpty(SupportStates.Untracked).MaxBy(SupportStates.Rank)!;

    private static InventoryComponentDto Assess(InventoryItem item, IReadOnlyList<SupportDate> dates, DateOnly today, int withinDays)
    {
        var cycles = dates.Where(d => string.Equals(d.Component, item.Component, StringComparison.OrdinalIgnoreCase)).ToList();
        if (cycles.Count == 0)
        {
            return new InventoryComponentDto(item.Component, item.Version, item.Description, null, null, null, SupportStates.Untracked);
        }

        var cycle = cycles.Where(d => Belongs(item.Version, d.Cycle)).MaxBy(d => d.Cycle.Length);
        if (cycle is null)
        {
            return new InventoryComponentDto(item.Component, item.Version, item.Description, null, null, null, SupportStates.Unknown);
        }

        if (cycle.EndsOn is not { } ends)
        {
            return new InventoryComponentDto(item.Component, item.Version, item.Description, cycle.Cycle, null, null, SupportStates.Supported);
        }

        var daysLeft = ends.DayNumber - today.DayNumber;
        var state = daysLeft < 0 ? SupportStates.Unsupported : daysLeft <= withinDays ? SupportStates.EndingSoon : SupportStates.Supported;
        return new InventoryComponentDto(item.Component, item.Version, item.Description, cycle.Cycle, ends, daysLeft, state);
    }

    private static bool Belongs(string version, string cycle) =>
        string.Equals(version, cycle, StringComparison.OrdinalIgnoreCase)
        || version.StartsWith(cycle + ".", StringComparison.OrdinalIgnoreCase);
}
