namespace AppLayer.Changelog;

/// <summary>What the changelog and release-note templates see.</summary>
public sealed record ReleaseModel(string Version, string Date, IReadOnlyList<SectionModel> Sections)
{
    /// <summary>Groups fragments into sections in a fixed order, in one language.</summary>
    public static ReleaseModel From(string version, DateOnly date, IEnumerable<Fragment> fragments, string language)
    {
        var sections = fragments
            .GroupBy(f => f.Type)
            .OrderBy(g => g.Key)
            .Select(g => new SectionModel(
                FragmentTypes.Section(g.Key, language),
                g.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => ItemModel.From(f, language)).ToList()))
            .ToList();
        return new ReleaseModel(version, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), sections);
    }
}

public sealed record SectionModel(string Title, IReadOnlyList<ItemModel> Items);

public sealed record ItemModel(string Title, string Text, IReadOnlyList<string> Legal, IReadOnlyList<string> Modules, IReadOnlyList<string> Packages, string? Customer)
{
    public static ItemModel From(Fragment fragment, string language) =>
        new(fragment.Title, fragment.Text(language).ReplaceLineEndings(" ").Trim(), fragment.LegalReferences, fragment.Modules, fragment.Packages, fragment.Customer);
}
