namespace AppLayer.Changelog;

/// <summary>
/// One change users should hear about: a Markdown file in <c>changelog/unreleased/</c> with a
/// front matter. The body is English; an optional <c>## cs</c> heading starts its Czech text, and the
/// front matter's <c>title-cs</c> is its Czech title.
/// </summary>
public sealed record Fragment(
    string File,
    FragmentType Type,
    string Title,
    IReadOnlyList<string> LegalReferences,
    IReadOnlyList<string> Modules,
    IReadOnlyList<string> Packages,
    string? Customer,
    string English,
    string Czech)
{
    /// <summary>The Czech title (<c>title-cs</c>), when the fragment has one.</summary>
    public string? CzechTitle { get; init; }

    /// <summary>Whether the fragment has Czech text of its own (a <c>## cs</c> part), rather than the English one standing in.</summary>
    public bool HasCzechText { get; init; }

    /// <summary>The title in <paramref name="language"/>; the English one where no Czech title is given.</summary>
    public string TitleIn(string language) => language == "cs" && CzechTitle is { } czech ? czech : Title;

    /// <summary>The file name without folders, e.g. <c>Cz.Vat2024.vat-consolidation.md</c>.</summary>
    public string Name => Path.GetFileName(File);

    public string Text(string language) => language == "cs" ? Czech : English;
}
