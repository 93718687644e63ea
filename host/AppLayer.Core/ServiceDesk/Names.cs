using System.Text;
using AppLayer.Protocol;

namespace AppLayer.Core.ServiceDesk;

/// <summary>Enum values as the API and the CLI spell them: lower-case words joined by '-' (<c>DataFix</c> ⇄ <c>data-fix</c>).</summary>
public static class Names
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var text = value.ToString();
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <exception cref="UserException">The text names no value.</exception>
    public static TEnum Parse<TEnum>(string? text, string what, TEnum? fallback = null)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text) && fallback is { } value)
        {
            return value;
        }

        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        throw new UserException($"{what} '{text}' is not one of: {string.Join(", ", Enum.GetValues<TEnum>().Select(Of))}.");
    }
}
