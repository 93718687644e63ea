using System.Globalization;
using AppLayer.Core.History;
using AppLayer.Core.Installations;

namespace AppLayer.Host.Reports;

/// <summary>One history event as pages and exports show it (times in UTC).</summary>
internal sealed record EventRow(string At, string Kind, string Installation, string Subject, string Detail, string Modules, string Legal)
{
    public static EventRow From(HistoryEvent e) => new(
        e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        e.Kind,
        e.Installation ?? string.Empty,
        e.Subject,
        e.Detail,
        string.Join(", ", e.Modules),
        string.Join("; ", e.LegalReferences));
}
