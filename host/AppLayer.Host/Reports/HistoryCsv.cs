using System.Text;
using AppLayer.Core.History;

namespace AppLayer.Host.Reports;

/// <summary>A history as CSV (RFC 4180, UTF-8, header row); cells that a spreadsheet would run as a formula are prefixed with <c>'</c>.</summary>
internal static class HistoryCsv
{
    public static string Write(IEnumerable<HistoryEvent> events)
    {
        var csv = new StringBuilder("at,kind,installation,subject,detail,modules,legal_references\r\n");
        foreach (var e in events)
        {
            string[] cells =
            [
                e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                e.Kind,
                e.Installation ?? string.Empty,
                e.Subject,
                e.Detail,
                string.Join(';', e.Modules),
                string.Join(';', e.LegalReferences),
            ];
            csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
