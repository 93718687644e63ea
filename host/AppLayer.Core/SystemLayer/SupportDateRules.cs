using System.Text.RegularExpressions;
using AppLayer.Protocol;

namespace AppLayer.Core.SystemLayer;

/// <summary>Component names (<c>dotnet</c>, <c>debian</c>, <c>postgresql</c>) and release cycles (<c>8</c>, <c>10.0</c>, <c>12</c>).</summary>
public static partial class SupportDateRules
{
    /// <exception cref="UserException">Not lower-case letters, digits and '-' (at most 40).</exception>
    public static string Component(string? value)
    {
        var name = value?.Trim().ToLowerInvariant() ?? string.Empty;
        return ComponentPattern().IsMatch(name)
            ? name
            : throw new UserException($"component '{value}' must be 1 to 40 lower-case letters, digits and '-', e.g. dotnet, debian, postgresql.");
    }

    /// <exception cref="UserException">Not digits separated by dots.</exception>
    public static string Cycle(string? value)
    {
        var cycle = value?.Trim() ?? string.Empty;
        return CyclePattern().IsMatch(cycle)
            ? cycle
            : throw new UserException($"cycle '{value}' must be a version prefix such as 8, 10.0 or 12.");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex ComponentPattern();

    [GeneratedRegex(@"^[0-9]{1,6}(\.[0-9]{1,6}){0,3}$")]
    private static partial Regex CyclePattern();
}
