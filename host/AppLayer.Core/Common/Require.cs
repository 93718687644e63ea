using System.Text.RegularExpressions;
using AppLayer.Core.ServiceDesk;
using AppLayer.Protocol;

namespace AppLayer.Core.Common;

/// <summary>Checks of user input; each failure is one <see cref="UserException"/> line.</summary>
public static partial class Require
{
    /// <summary>A code (customer, installation): letters, digits, '-', '_' and '.', at most 64.</summary>
    public static string Code(string? value, string what)
    {
        var code = Text(value, what, 64);
        if (!CodePattern().IsMatch(code))
        {
            throw new UserException($"{what} '{code}' may hold only letters, digits, '-', '_' and '.'.");
        }

        return code;
    }

    /// <summary>Non-blank text of at most <paramref name="maxLength"/> characters, trimmed.</summary>
    public static string Text(string? value, string what, int maxLength = 500)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new UserException($"{what} is required.");
        }

        var text = value.Trim();
        if (text.Length > maxLength)
        {
            throw new UserException($"{what} is longer than {maxLength} characters.");
        }

        return text;
    }

    /// <summary>A list of names (services, modules): trimmed, lower-case, without blanks or repeats.</summary>
    public static IReadOnlyList<string> Names(IEnumerable<string>? values, string what)
    {
        var names = new List<string>();
        foreach (var value in values ?? [])
        {
            var name = Text(value, what, 100).ToLowerInvariant();
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }

        return names;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex CodePattern();
}
