using System.Text.RegularExpressions;
using AppLayer.Core.Common;
using AppLayer.Protocol;

namespace AppLayer.Core.LegalChanges;

/// <summary>The checks a legal change's fields must pass; each failure is one <see cref="UserException"/> line.</summary>
public static partial class LegalChangeRules
{
    public static readonly IReadOnlyList<string> Areas = ["accounting", "payroll", "finance", "production", "tax", "reporting"];

    public static IReadOnlyList<string> References(IEnumerable<string?> values)
    {
        var references = new List<string>();
        foreach (var value in values)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            var reference = LegalReferences.Normalize(Require.Text(value, "Legal reference", 200));
            if (!references.Contains(reference, LegalReferences.Comparer))
            {
                references.Add(reference);
            }
        }

        return references.Count > 0 ? references : throw new UserException("Legal reference is required.");
    }

    public static string Jurisdiction(string? value)
    {
        var code = Require.Text(value, "Jurisdiction", 2).ToUpperInvariant();
        return CountryCode().IsMatch(code) ? code : throw new UserException($"Jurisdiction '{code}' is not a two-letter country code such as CZ or SK.");
    }

    public static string Area(string? value)
    {
        var area = Require.Text(value, "Area", 100).ToLowerInvariant();
        return Areas.Contains(area) ? area : throw new UserException($"Area '{area}' is unknown; use {string.Join(", ", Areas)}.");
    }

    public static string? SourceUrl(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = Require.Text(value, "Source link", 2000);
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : throw new UserException($"Source link '{text}' is not an http(s) URL.");
    }

    public static string? Assignee(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : Require.Text(value, "Assignee", 100);

    /// <summary>The announcement comes no later than the effective date, which comes no later than the end of the transitional period.</summary>
    public static void Dates(DateOnly? announced, DateOnly effective, DateOnly? transitionEnds)
    {
        if (announced is { } a && effective < a)
        {
            throw new UserException($"The effective date {effective:yyyy-MM-dd} is before the announcement on {a:yyyy-MM-dd}.");
        }

        if (transitionEnds is { } t && t < effective)
        {
            throw new UserException($"The transitional period ends on {t:yyyy-MM-dd}, before the effective date {effective:yyyy-MM-dd}.");
        }
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();
}
