namespace AppLayer.Changelog;

/// <summary>
/// Reads a fragment: a front matter between <c>---</c> lines (<c>type</c>, <c>title</c>, <c>title-cs</c>,
/// <c>legal</c>, <c>modules</c>, <c>packages</c>, <c>customer</c>), then a Markdown body.
/// A list is either one line (legal references separated by <c>;</c>, other lists by <c>,</c>)
/// or <c>- item</c> lines under its key. Every error names the file and line.
/// </summary>
public static partial class FragmentParser
{
    public const string CzechHeading = "## cs";

    private static readonly string[] Keys = ["type", "title", "title-cs", "legal", "modules", "packages", "package", "customer"];

    public static Fragment Parse(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            throw new FragmentException(file, 1, "a fragment starts with a front matter between '---' lines.");
        }

        var values = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var keyLines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        string? listKey = null;
        var end = -1;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            var number = i + 1;
            if (line.Trim() == "---")
            {
                end = i;
                break;
            }

            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (line.TrimStart().StartsWith("- ", StringComparison.Ordinal))
            {
                if (listKey is null)
                {
                    throw new FragmentException(file, number, "a list item must follow a key such as 'legal:'.");
                }

                values[listKey].Add(StripComment(line.TrimStart()[2..]));
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FragmentException(file, number, $"expected 'key: value', got '{line.Trim()}'.");
            }

            var key = line[..colon].Trim();
            if (!Keys.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                throw new FragmentException(file, number, $"unknown key '{key}'; known keys: {string.Join(", ", Keys)}.");
            }

            if (key.Equals("package", StringComparison.OrdinalIgnoreCase))
            {
                key = "packages";
            }

            if (values.ContainsKey(key))
            {
                throw new FragmentException(file, number, $"'{key}' is given twice.");
            }

            var value = StripComment(line[(colon + 1)..]);
            values[key] = value.Length == 0 ? [] : Split(key, value);
            keyLines[key] = number;
            listKey = value.Length == 0 ? key : null;
        }

        if (end < 0)
        {
            throw new FragmentException(file, lines.Length, "the front matter is not closed with '---'.");
        }

        var type = ReadType(file, values, keyLines);
        var (english, czech) = SplitBody(string.Join('\n', lines.Skip(end + 1)));
        if (english.Length == 0)
        {
            throw new FragmentException(file, end + 2, "the fragment has no text after its front matter.");
        }

        var title = values.TryGetValue("title", out var titles) && titles.Count > 0 ? titles[0] : FirstSentence(english);
        var legal = values.GetValueOrDefault("legal") ?? [];
        if (type == FragmentType.Legislative && legal.Count == 0)
        {
            throw new FragmentException(file, keyLines.GetValueOrDefault("type", 2), "a legislative fragment must name its legal references ('legal:').");
        }

        var customer = values.TryGetValue("customer", out var customers) && customers.Count > 0 ? customers[0] : null;
        if (customer is not null && !CustomerCode().IsMatch(customer))
        {
            throw new FragmentException(file, keyLines["customer"], $"customer '{customer}' is not a customer code (letters, digits, '-', '_' and '.').");
        }

        var czechTitle = values.TryGetValue("title-cs", out var czechTitles) && czechTitles.Count > 0 ? czechTitles[0] : null;
        return new Fragment(file, type, title, legal, values.GetValueOrDefault("modules") ?? [], values.GetValueOrDefault("packages") ?? [], customer, english, czech.Length == 0 ? english : czech)
        {
            CzechTitle = czechTitle,
            HasCzechText = czech.Length > 0,
        };
    }

    private static FragmentType ReadType(string file, Dictionary<string, List<string>> values, Dictionary<string, int> keyLines)
    {
        if (!values.TryGetValue("type", out var types) || types.Count == 0)
        {
            throw new FragmentException(file, keyLines.GetValueOrDefault("type", 1), $"'type' is missing; use one of {string.Join(", ", FragmentTypes.Names)}.");
        }

        return FragmentTypes.TryParse(types[0], out var type)
            ? type
            : throw new FragmentException(file, keyLines["type"], $"unknown type '{types[0]}'; use one of {string.Join(", ", FragmentTypes.Names)}.");
    }

    private static List<string> Split(string key, string value)
    {
        var separator = key.Equals("legal", StringComparison.OrdinalIgnoreCase) ? ';' : ',';
        if (key is "type" or "title" or "title-cs" or "customer")
        {
            return [value];
        }

        return value.Trim('[', ']').Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }

    private static string StripComment(string value)
    {
        var hash = value.IndexOf(" #", StringComparison.Ordinal);
        return (hash >= 0 ? value[..hash] : value).Trim().Trim('"');
    }

    private static (string English, string Czech) SplitBody(string body)
    {
        var lines = body.Split('\n');
        var czechAt = Array.FindIndex(lines, l => l.Trim().Equals(CzechHeading, StringComparison.OrdinalIgnoreCase));
        return czechAt < 0
            ? (body.Trim(), string.Empty)
            : (string.Join('\n', lines.Take(czechAt)).Trim(), string.Join('\n', lines.Skip(czechAt + 1)).Trim());
    }

    private static string FirstSentence(string text)
    {
        var line = text.Split('\n')[0].Trim();
        var stop = line.IndexOf(". ", StringComparison.Ordinal);
        return stop > 0 ? line[..(stop + 1)] : line;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial System.Text.RegularExpressions.Regex CustomerCode();
}
