namespace AppLayer.Changelog;

/// <summary>The names fragments use for <see cref="FragmentType"/> and the sections they go to.</summary>
public static class FragmentTypes
{
    private static readonly (FragmentType Type, string Name, string English, string Czech)[] All =
    [
        (FragmentType.Legislative, "legislative", "Legal changes", "Legislativní změny"),
        (FragmentType.Feature, "feature", "Added", "Nové funkce"),
        (FragmentType.Fix, "fix", "Fixed", "Opravy"),
        (FragmentType.DataFix, "data-fix", "Data fixes", "Opravy dat"),
        (FragmentType.Security, "security", "Security", "Bezpečnost"),
        (FragmentType.Maintenance, "maintenance", "Changed", "Údržba"),
    ];

    public static IReadOnlyList<string> Names { get; } = All.Select(t => t.Name).ToList();

    public static bool TryParse(string? name, out FragmentType type)
    {
        foreach (var entry in All)
        {
            if (string.Equals(entry.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                type = entry.Type;
                return true;
            }
        }

        type = default;
        return false;
    }

    public static string Name(FragmentType type) => All.First(t => t.Type == type).Name;

    public static string Section(FragmentType type, string language) =>
        All.First(t => t.Type == type) is var entry && language == "cs" ? entry.Czech : entry.English;
}
