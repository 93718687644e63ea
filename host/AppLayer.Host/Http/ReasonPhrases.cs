using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace AppLayer.Host.Http;

/// <summary>
/// A problem's one-line title as the HTTP/1.1 reason phrase too (as nuget.org does): clients that show
/// only the status line, such as <c>dotnet nuget push</c>, then show why. The phrase is kept to printable
/// ASCII (accents dropped), one line and a bounded length; HTTP/2 and HTTP/3 have no reason phrase.
/// </summary>
internal static class ReasonPhrases
{
    private const int MaxLength = 300;

    public static void Set(HttpContext http, string? title)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (string.IsNullOrWhiteSpace(title) || http.Response.HasStarted
            || http.Features.Get<IHttpResponseFeature>() is not { } response)
        {
            return;
        }

        response.ReasonPhrase = Clean(title);
    }

    public static string Clean(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var text = new StringBuilder(Math.Min(title.Length, MaxLength));
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (text.Length == MaxLength)
            {
                break;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            text.Append(c switch
            {
                >= ' ' and <= '~' => c,
                '\t' or '\r' or '\n' => ' ',
                '\u2013' or '\u2014' => '-',
                '\u2018' or '\u2019' => '\'',
                '\u201c' or '\u201d' => '"',
                _ => '?',
            });
        }

        return text.ToString().Trim();
    }
}
