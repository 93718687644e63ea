using System.Text;

namespace AppLayer.Host.Dashboard;

/// <summary>Text as a search compares it: without diacritics and case, so "plzen" finds "Plzeň" and "NOVAK" finds "Novák".</summary>
internal static class TextFold
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <returns>Whether any field holds <paramref name="foldedNeedle"/> (already folded), ignoring diacritics and case.</returns>
    public static bool Contains(string foldedNeedle, params string?[] fields) =>
        foldedNeedle.Length > 0 && fields.Any(f => Fold(f).Contains(foldedNeedle, StringComparison.Ordinal));
}
