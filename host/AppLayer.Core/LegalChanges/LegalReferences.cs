using System.Text.RegularExpressions;

namespace AppLayer.Core.LegalChanges;

/// <summary>
/// Legal references as text: trimmed, inner whitespace collapsed, compared case-insensitively, so
/// "Act No. 349/2023 Coll." in a change and in an update manifest are the same reference. A
/// reference with more words after it ("Government Regulation No. 286/2024 Coll. amending
/// Regulation No. 567/2006 Coll.") names the same act as its first words.
/// </summary>
public static partial class LegalReferences
{
    public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

    public static string Normalize(string reference) => Spaces().Replace(reference.Trim(), " ");

    /// <summary>Equal, or one is the other followed by a space, comma, semicolon or parenthesis and more words.</summary>
    public static bool Matches(string left, string right)
    {
        var (a, b) = (Normalize(left), Normalize(right));
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return longer.StartsWith(shorter, StringComparison.OrdinalIgnoreCase)
            && (longer.Length == shorter.Length || longer[shorter.Length] is ' ' or ',' or ';' or '(');
    }

    /// <summary>Whether a reference of one list matches one of the other.</summary>
    public static bool Overlap(IEnumerable<string> left, IEnumerable<string> right)
    {
        var others = right.ToList();
        return left.Any(l => others.Any(r => Matches(l, r)));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
