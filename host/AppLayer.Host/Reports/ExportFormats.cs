using AppLayer.Core;

namespace AppLayer.Host.Reports;

internal static class ExportFormats
{
    /// <exception cref="UserException">Not a format.</exception>
    public static ExportFormat Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "markdown" or "md" => ExportFormat.Markdown,
        "html" => ExportFormat.Html,
        "csv" => ExportFormat.Csv,
        "json" or null or "" => ExportFormat.Json,
        _ => throw new UserException($"Export format '{name}' is unknown; use markdown, html, csv or json."),
    };

    public static string Extension(this ExportFormat format) => format switch
    {
        ExportFormat.Markdown => "md",
        ExportFormat.Html => "html",
        ExportFormat.Csv => "csv",
        _ => "json",
    };

    public static string ContentType(this ExportFormat format) => format switch
    {
        ExportFormat.Markdown => "text/markdown; charset=utf-8",
        ExportFormat.Html => "text/html; charset=utf-8",
        ExportFormat.Csv => "text/csv; charset=utf-8",
        _ => "application/json; charset=utf-8",
    };
}
