namespace AppLayer.GitHub;

/// <summary>
/// The block between two <c>---</c> lines at the top of an issue body: <c>key: value</c> lines,
/// a value may be a list of <c>- item</c> lines below an empty <c>key:</c>. Keys are case-insensitive.
/// </summary>
public static class FrontMatter
{
    public static readonly IReadOnlyList<string> Keys =
        ["reference", "references", "jurisdiction", "area", "effective", "announced", "transition-end", "modules", "source", "assignee"];

    /// <returns>The values per key, or an empty map when the body has no front matter.</returns>
    /// <exception cref="FrontMatterException">The block is not closed, a line is not <c>key: value</c>, a key is unknown or repeated.</exception>
    public static IReadOnlyDictionary<string, List<string>> Parse(string? body)
    {
        var lines = (body ?? string.Empty).ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim().Length > 0);
        var values = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        if (start < 0 || lines[start].Trim() != "---")
        {
            return values;
        }

        var end = Array.FindIndex(lines, start + 1, l => l.Trim() == "---");
        if (end < 0)
        {
            throw new FrontMatterException("the front matter has no closing '---' line");
        }

        string? listKey = null;
        for (var i = start + 1; i < end; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("- ", StringComparison.Ordinal) && listKey is not null)
            {
                values[listKey].Add(line[2..].Trim());
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FrontMatterException($"front matter line {i - start} '{line}' is not 'key: value'");
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            if (!Keys.Contains(key))
            {
                throw new FrontMatterException($"front matter key '{key}' is unknown; use {string.Join(", ", Keys)}");
            }

            if (values.ContainsKey(key))
            {
                throw new FrontMatterException($"front matter key '{key}' appears twice");
            }

            var value = line[(colon + 1)..].Trim();
            values[key] = value.Length == 0 ? [] : [value];
            listKey = value.Length == 0 ? key : null;
        }

        return values;
    }
}
