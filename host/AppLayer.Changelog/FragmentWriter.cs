using System.Text;
using System.Text.RegularExpressions;
using AppLayer.Protocol;

namespace AppLayer.Changelog;

/// <summary><c>applayer changelog new</c>: writes one fragment that the parser accepts.</summary>
public static partial class FragmentWriter
{
    /// <summary>Writes the fragment; <paramref name="czechTitle"/> and <paramref name="czechText"/> are its Czech title and text (<c>title-cs</c>, the <c>## cs</c> part).</summary>
    public static string Write(ChangelogFolder folder, FragmentType type, string text, IReadOnlyList<string> legal, IReadOnlyList<string> modules, IReadOnlyList<string> packages, string? customer, string? name, string? title = null, string? czechTitle = null, string? czechText = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UserException("the fragment needs a text (--text).");
        }

        var slug = Slug(name ?? (packages.Count > 0 ? packages[0] + "-" + text : text));
        Directory.CreateDirectory(folder.Unreleased);
        var path = Path.Combine(folder.Unreleased, slug + ".md");
        for (var n = 2; File.Exists(path); n++)
        {
            path = Path.Combine(folder.Unreleased, $"{slug}-{n}.md");
        }

        var body = new StringBuilder("---\n");
        body.Append("type: ").Append(FragmentTypes.Name(type)).Append('\n');
        AppendLine(body, "title", title);
        AppendLine(body, "title-cs", czechTitle);
        AppendList(body, "legal", legal);
        AppendList(body, "modules", modules);
        AppendList(body, "packages", packages);
        if (!string.IsNullOrWhiteSpace(customer))
        {
            body.Append("customer: ").Append(customer.Trim()).Append('\n');
        }

        body.Append("---\n").Append(text.Trim()).Append('\n');
        if (!string.IsNullOrWhiteSpace(czechText))
        {
            body.Append('\n').Append(FragmentParser.CzechHeading).Append('\n').Append(czechText.Trim()).Append('\n');
        }
        var content = body.ToString();
        FragmentParser.Parse(folder.Relative(path), content); // refuse before writing anything the check would reject
        File.WriteAllText(path, content);
        return folder.Relative(path);
    }

    private static void AppendLine(StringBuilder body, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (value.Contains('\n', StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal))
        {
            throw new UserException($"the {key} must be one line without ' #'.");
        }

        body.Append(key).Append(": ").Append(value.Trim()).Append('\n');
    }

    private static void AppendList(StringBuilder body, string key, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        body.Append(key).Append(":\n");
        foreach (var value in values)
        {
            body.Append("  - ").Append(value.Trim()).Append('\n');
        }
    }

    private static string Slug(string text)
    {
        var ascii = new string(text.ToLowerInvariant().Normalize(NormalizationForm.FormD).Where(c => c < 128).ToArray());
        var slug = NotSlug().Replace(ascii, "-").Trim('-', '.');
        return slug.Length > 60 ? slug[..60].TrimEnd('-') : slug.Length == 0 ? "change" : slug;
    }

    [GeneratedRegex("[^a-z0-9.]+")]
    private static partial Regex NotSlug();
}
