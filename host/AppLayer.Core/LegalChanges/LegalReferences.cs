using System.Text.RegularExpressions;

namespace AppLayer.Core.LegalChanges;

/// <summary>
/// Legal references as text: trimmed, inner whitespace collapsed, compared case-insensitively, so
/// "Act No. 349/2023 Coll." in a change and in an update manifest are the same reference.
/// </summary>
public static partial class LegalReferences
{
    public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

    public static string Normalize(string reference) => Spaces().Replace(reference.Trim(), " ");

    /// <summary>Whether the two lists share a reference.</summary>
    public static bool Overlap(IEnumerable<string> left, IEnumerable<string> right) =>
        left.Select(Normalize).Intersect(right.Select(Normalize), Comparer).Any();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
