using System.Text.Json;
using AppLayer.Core.Common;
using AppLayer.Core.History;

namespace AppLayer.Host.Reports;

/// <summary>A customer's (filtered) history as a file: Markdown, HTML, CSV or JSON. User text is escaped in every format.</summary>
internal static class HistoryExport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Render(ExportFormat format, Customer customer, HistoryQuery query, IReadOnlyList<HistoryEvent> events, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return format switch
        {
            ExportFormat.Csv => HistoryCsv.Write(events),
            ExportFormat.Json => JsonSerializer.Serialize(events.Select(e => e.ToDto()), Json),
            ExportFormat.Markdown => HostTemplates.Text.Render("history-export.md", Model(customer, query, events, now)),
            _ => HostTemplates.Html.Render("history-export.html", Model(customer, query, events, now)),
        };
    }

    public static string FileName(Customer customer, ExportFormat format) =>
        string.Create(CultureInfo.InvariantCulture, $"history-{customer.Code}.{format.Extension()}");

    private static object Model(Customer customer, HistoryQuery query, IReadOnlyList<HistoryEvent> events, DateTimeOffset now) => new
    {
        Customer = new { customer.Code, customer.Name },
        Filters = Describe(query),
        Generated = now.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
        Events = events.Select(EventRow.From).ToList(),
    };

    /// <returns>The filters in force, one "name: value" each.</returns>
    public static List<string> Describe(HistoryQuery query)
    {
        var filters = new List<string>();
        if (query.Kinds.Count > 0)
        {
            filters.Add("kind: " + string.Join(", ", query.Kinds));
        }

        if (query.From is { } from)
        {
            filters.Add(string.Create(CultureInfo.InvariantCulture, $"from: {from:yyyy-MM-dd}"));
        }

        if (query.To is { } to)
        {
            filters.Add(string.Create(CultureInfo.InvariantCulture, $"to: {to:yyyy-MM-dd}"));
        }

        AddIf(filters, "module", query.Module);
        AddIf(filters, "legal reference", query.Legal);
        AddIf(filters, "installation", query.Installation);
        return filters;
    }

    private static void AddIf(List<string> filters, string name, string? value)
    {
        if (value is not null)
        {
            filters.Add($"{name}: {value}");
        }
    }
}
