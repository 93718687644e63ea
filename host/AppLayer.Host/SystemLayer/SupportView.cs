using AppLayer.Core.SystemLayer;

namespace AppLayer.Host.SystemLayer;

/// <summary>Inventories as the dashboard templates show them.</summary>
internal static class SupportView
{
    public static object Installation(InstallationInventoryDto i) => new
    {
        i.Installation,
        i.Customer,
        CustomerUrl = Dashboard.CustomerPage.Url(i.Customer),
        i.Support,
        Class = Class(i.Support),
        Reported = i.ReportedAt is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : "never",
        Components = i.Components.Select(c => new
        {
            c.Component,
            c.Version,
            c.Description,
            Ends = c.SupportEndsOn is { } ends ? ends.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : c.Cycle is null ? "—" : "no announced end",
            c.Support,
            Class = Class(c.Support),
        }).ToList(),
        Flagged = string.Join(", ", i.Components.Where(c => SupportStates.IsFlagged(c.Support)).Select(c => $"{c.Component} {c.Version} ({c.Support}{(c.SupportEndsOn is { } e ? ", " + e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty)})")),
    };

    private static string Class(string support) => support switch
    {
        SupportStates.Unsupported or SupportStates.EndingSoon => "bad",
        SupportStates.Supported => "ok",
        _ => "muted",
    };
}
