namespace AppLayer.Host.Reports;

/// <summary>The formats a history export comes in.</summary>
internal enum ExportFormat
{
    Markdown,
    Html,
    Csv,
    Json,
}
