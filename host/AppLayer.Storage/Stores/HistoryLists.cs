namespace AppLayer.Storage.Stores;

/// <summary>How a history event's modules and legal references sit in one column: <c>|a|b|</c>, so <c>LIKE '%|a|%'</c> finds one.</summary>
internal static class HistoryLists
{
    public static string Write(IReadOnlyList<string> values) =>
        values.Count == 0 ? string.Empty : "|" + string.Join('|', values.Select(v => v.Replace('|', '/'))) + "|";

    public static IReadOnlyList<string> Read(string text) =>
        text.Split('|', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A <c>LIKE</c> pattern (escape character <c>\</c>) that matches <paramref name="value"/> literally.</summary>
    public static string Literal(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
