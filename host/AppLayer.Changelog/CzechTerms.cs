using System.Text.RegularExpressions;

namespace AppLayer.Changelog;

/// <summary>
/// How the release notes name a legal reference and an IS module in each language. A Czech reader expects the
/// forms of the Collection of Laws (<c>zákon č. 349/2023 Sb.</c>, <c>nařízení vlády č. 286/2024 Sb.</c>,
/// <c>vyhláška č. 500/2002 Sb.</c>), an English one their translation (<c>Act No. 349/2023 Coll.</c>). A
/// fragment may write either form; a reference of another form (an EU regulation, a court ruling) is kept as
/// written in both languages.
/// </summary>
public static partial class CzechTerms
{
    private static readonly (string English, string Czech)[] Kinds =
    [
        ("Government Regulation", "nařízení vlády"),
        ("Act", "zákon"),
        ("Decree", "vyhláška"),
        ("Constitutional Act", "ústavní zákon"),
    ];

    private static readonly Dictionary<string, string> Modules = new(StringComparer.OrdinalIgnoreCase)
    {
        ["accounting"] = "účetnictví",
        ["payroll"] = "mzdy",
        ["finance"] = "finance",
        ["production"] = "výroba",
        ["tax"] = "daně",
        ["reporting"] = "výkaznictví",
        ["hr"] = "personalistika",
        ["invoicing"] = "fakturace",
        ["warehouse"] = "sklad",
        ["assets"] = "majetek",
    };

    /// <summary>The reference in <paramref name="language"/> (<c>cs</c> or <c>en</c>).</summary>
    public static string LegalReference(string reference, string language)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var text = reference.Trim();
        var english = EnglishReference().Match(text);
        var czech = CzechReference().Match(text);
        string? kind = null, number = null, rest = null;
        if (english.Success && Array.FindIndex(Kinds, k => k.English.Equals(english.Groups["kind"].Value, StringComparison.OrdinalIgnoreCase)) is var e and >= 0)
        {
            (kind, number, rest) = (Kinds[e].English, english.Groups["number"].Value, english.Groups["rest"].Value);
        }
        else if (czech.Success && Array.FindIndex(Kinds, k => k.Czech.Equals(czech.Groups["kind"].Value, StringComparison.OrdinalIgnoreCase)) is var c and >= 0)
        {
            (kind, number, rest) = (Kinds[c].English, czech.Groups["number"].Value, czech.Groups["rest"].Value);
        }

        if (kind is null)
        {
            return text;
        }

        return language == "cs"
            ? $"{Kinds.First(k => k.English == kind).Czech} č. {number} Sb.{rest}"
            : $"{kind} No. {number} Coll.{rest}";
    }

    /// <summary>The module's name in <paramref name="language"/>; a module without a Czech name keeps its code.</summary>
    public static string Module(string code, string language) =>
        language == "cs" && Modules.TryGetValue(code.Trim(), out var name) ? name : code.Trim();

    /// <summary>A day as the notes write it: <c>15. 1. 2025</c> in Czech, ISO 8601 in English.</summary>
    public static string Date(DateOnly date, string language) =>
        language == "cs"
            ? $"{date.Day}. {date.Month}. {date.Year}"
            : date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<kind>[A-Za-z ]+?) No\. ?(?<number>\d+/\d{4}) Coll\.(?<rest>.*)$")]
    private static partial Regex EnglishReference();

    [GeneratedRegex(@"^(?<kind>[\p{L} ]+?) č\. ?(?<number>\d+/\d{4}) Sb\.(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex CzechReference();
}
