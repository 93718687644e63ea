using AppLayer.Core.History;

namespace AppLayer.Host.Reports;

/// <summary>One history event as pages and exports show it (times in UTC; on the dashboard in the viewer's zone).</summary>
internal sealed record EventRow(string At, string Kind, string Installation, string Subject, string Detail, string Modules, string Legal)
{
    public static EventRow From(HistoryEvent e) => From(e, null);

    public static EventRow From(HistoryEvent e, Dashboard.ViewerZone? zone) => new(
        zone?.When(e.At) ?? e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        e.Kind,
        e.Installation ?? string.Empty,
        e.Subject,
        e.Detail,
        string.Join(", ", e.Modules),
        string.Join("; ", e.LegalReferences));
}
