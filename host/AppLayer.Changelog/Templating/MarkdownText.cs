using System.Text;

namespace AppLayer.Changelog.Templating;

/// <summary>Makes user text literal inside a Markdown line: emphasis, links, tables and any HTML are backslash-escaped, lines are joined.</summary>
public static class MarkdownText
{
    private const string Special = "\\`*_[]<>|~&";

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\r' or '\n')
            {
                escaped.Append(' ');
                continue;
            }

            if (Special.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
