using System.Collections.Frozen;
using System.Text;

namespace AppLayer.Protocol;

/// <summary>
/// Enum values as the API, the CLI, the reports and the database spell them: lower-case words joined by
/// '-' (<c>RolledBack</c> ⇄ <c>rolled-back</c>). One rule for every enum the product names, computed once
/// per enum type.
/// </summary>
public static class KebabNames
{
    /// <summary>The value's name (<c>NotEntitled</c> → <c>not-entitled</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not one the enum declares.</exception>
    public static string ToName<TEnum>(this TEnum value)
        where TEnum : struct, Enum =>
        Table<TEnum>.Names.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Unknown {typeof(TEnum).Name} value.");

    /// <summary>The same as <see cref="ToName{TEnum}"/>, for callers that name the enum rather than extend it.</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToName();

    /// <summary>
    /// The value a name stands for: case, surrounding blanks, '-' and '_' do not matter
    /// (<c>rolled-back</c>, <c>RolledBack</c> and <c>rolled_back</c> are one value).
    /// </summary>
    /// <param name="text">The name as the user or the caller gave it.</param>
    /// <param name="what">What the name names, for the error (<c>Key scope</c>).</param>
    /// <param name="fallback">The value for an empty or missing name; without it, an empty name is refused.</param>
    /// <exception cref="UserException">The text names no value: the message lists every name.</exception>
    public static TEnum Parse<TEnum>(string? text, string what, TEnum? fallback = null)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text) && fallback is { } value)
        {
            return value;
        }

        if (text is not null && Table<TEnum>.Values.TryGetValue(Squeeze(text), out var found))
        {
            return found;
        }

        throw new UserException($"{what} '{text}' is unknown; use {Table<TEnum>.List}.");
    }

    private static string Kebab(string identifier)
    {
        var builder = new StringBuilder(identifier.Length + 4);
        foreach (var c in identifier)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static string Squeeze(string text) =>
        text.Trim().Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    private static class Table<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> Names =
            Enum.GetValues<TEnum>().Distinct().ToFrozenDictionary(v => v, v => Kebab(v.ToString()));

        public static readonly FrozenDictionary<string, TEnum> Values =
            Enum.GetValues<TEnum>().Distinct().ToFrozenDictionary(v => Squeeze(v.ToString()), v => v, StringComparer.Ordinal);

        public static readonly string List = string.Join(", ", Enum.GetValues<TEnum>().Distinct().Select(v => Names[v]));
    }
}
