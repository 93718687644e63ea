namespace AppLayer.Changelog;

/// <summary>
/// One change users should hear about: a Markdown file in <c>changelog/unreleased/</c> with a
/// front matter. The body is English; an optional <c>## cs</c> heading starts its Czech text.
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
    /// <summary>The file name without folders, e.g. <c>Cz.Vat2024.vat-consolidation.md</c>.</summary>
    public string Name => Path.GetFileName(File);

    public string Text(string language) => language == "cs" ? Czech : English;
}
