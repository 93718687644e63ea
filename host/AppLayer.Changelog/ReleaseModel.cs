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
        return new ReleaseModel(version, CzechTerms.Date(date, language), sections);
    }
}

public sealed record SectionModel(string Title, IReadOnlyList<ItemModel> Items);

public sealed record ItemModel(string Title, string Text, IReadOnlyList<string> Legal, IReadOnlyList<string> Modules, IReadOnlyList<string> Packages, string? Customer)
{
    public static ItemModel From(Fragment fragment, string language) =>
        new(
            fragment.TitleIn(language),
            fragment.Text(language).ReplaceLineEndings(" ").Trim(),
            [.. fragment.LegalReferences.Select(r => CzechTerms.LegalReference(r, language))],
            [.. fragment.Modules.Select(m => CzechTerms.Module(m, language))],
            fragment.Packages,
            fragment.Customer);
}
