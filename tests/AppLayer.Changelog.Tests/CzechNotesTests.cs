using AppLayer.Protocol;

namespace AppLayer.Changelog.Tests;

/// <summary>The Czech release notes read as Czech: Czech headings and titles, the Collection of Laws' forms, Czech module names and dates.</summary>
public sealed class CzechNotesTests
{
    private static readonly string[] EnglishWords = ["Legal changes", "Added", "Fixed", "Data fixes", "Security", "Changed", "Release notes", "Released", "Legal basis", "Modules", "Update packages"];

    [Fact]
    public void The_shipped_fragments_render_Czech_notes_with_Czech_legal_references_and_no_English_headings()
    {
        using var repo = new TempRepo();
        var shipped = Directory.GetFiles(Path.Combine(RepositoryRoot(), "changelog", "unreleased"), "*.md");
        shipped.Length.ShouldBeGreaterThan(1);
        foreach (var file in shipped)
        {
            File.Copy(file, Path.Combine(repo.Folder.Unreleased, Path.GetFileName(file)));
        }

        ChangelogChecker.Check(repo.Folder).ShouldBeEmpty();
        var fragments = repo.Folder.ReadUnreleased();
        ChangelogBuilder.Build(repo.Folder, "2025.1", new DateOnly(2025, 1, 2));

        var release = Path.Combine(repo.Folder.Releases, "2025.1");
        var czech = File.ReadAllText(Path.Combine(release, "notes.cs.md"));
        var english = File.ReadAllText(Path.Combine(release, "notes.en.md"));
        czech.ShouldContain("zákon č. 349/2023 Sb.");
        czech.ShouldContain("nařízení vlády č. 286/2024 Sb.");
        czech.ShouldNotContain("Coll.");
        czech.ShouldNotContain(" No. ");
        czech.ShouldContain("Moduly: mzdy.");
        czech.ShouldContain("Moduly: účetnictví.");
        czech.ShouldContain("Vydáno 2. 1. 2025.");
        english.ShouldContain("Act No. 349/2023 Coll.");
        english.ShouldContain("Government Regulation No. 286/2024 Coll.");

        var headings = czech.Split('\n').Where(l => l.StartsWith('#')).ToList();
        headings.Count.ShouldBe(1 + fragments.Select(f => f.Type).Distinct().Count() + fragments.Count);
        foreach (var heading in headings)
        {
            EnglishWords.ShouldNotContain(w => heading.Contains(w, StringComparison.OrdinalIgnoreCase), customMessage: heading);
            english.Split('\n').ShouldNotContain(heading, customMessage: "the same heading stands in the English notes");
        }

        foreach (var fragment in fragments)
        {
            headings.ShouldContain("### " + fragment.CzechTitle);
            czech.ShouldContain(fragment.Czech.ReplaceLineEndings(" ").Trim());
            czech.ShouldNotContain(fragment.English.ReplaceLineEndings(" ").Trim());
        }
    }

    [Theory]
    [InlineData("Act No. 349/2023 Coll.", "zákon č. 349/2023 Sb.", "Act No. 349/2023 Coll.")]
    [InlineData("zákon č. 349/2023 Sb.", "zákon č. 349/2023 Sb.", "Act No. 349/2023 Coll.")]
    [InlineData("Government Regulation No. 286/2024 Coll.", "nařízení vlády č. 286/2024 Sb.", "Government Regulation No. 286/2024 Coll.")]
    [InlineData("nařízení vlády č. 286/2024 Sb.", "nařízení vlády č. 286/2024 Sb.", "Government Regulation No. 286/2024 Coll.")]
    [InlineData("Decree No. 500/2002 Coll., § 4", "vyhláška č. 500/2002 Sb., § 4", "Decree No. 500/2002 Coll., § 4")]
    [InlineData("Regulation (EU) 2016/679", "Regulation (EU) 2016/679", "Regulation (EU) 2016/679")]
    [InlineData("Whatever No. 1/2024 Coll.", "Whatever No. 1/2024 Coll.", "Whatever No. 1/2024 Coll.")]
    public void A_legal_reference_is_written_in_the_form_of_each_language_and_an_unknown_form_is_kept(string written, string czech, string english)
    {
        CzechTerms.LegalReference(written, "cs").ShouldBe(czech);
        CzechTerms.LegalReference(written, "en").ShouldBe(english);
    }

    [Fact]
    public void The_check_asks_an_unreleased_fragment_for_its_Czech_title_and_text()
    {
        using var repo = new TempRepo();
        repo.Fragment("no-czech.md", "---\ntype: fix\ntitle: Totals round to the haléř\n---\nInvoice totals round to the haléř.\n");
        repo.Fragment("no-title.md", "---\ntype: fix\n---\nOne.\n\n## cs\nJedna.\n");

        var problems = ChangelogChecker.Check(repo.Folder);

        problems.ShouldBe(
        [
            "changelog/unreleased/no-czech.md:1: the Czech notes need a Czech title ('title-cs:') and a Czech text (a '## cs' part); customers read the release notes in Czech.",
            "changelog/unreleased/no-title.md:1: the Czech notes need a Czech title ('title-cs:'); customers read the release notes in Czech.",
        ]);
    }

    [Fact]
    public void A_fragment_written_with_Czech_title_and_text_passes_the_check_and_renders_them()
    {
        using var repo = new TempRepo();

        var path = FragmentWriter.Write(repo.Folder, FragmentType.Legislative, "The minimum wage rises.", ["Government Regulation No. 286/2024 Coll."], ["payroll"], ["Cz.MinimumWage2025"], null, null, "Minimum wage 2025", "Minimální mzda 2025", "Minimální mzda se zvyšuje.");

        var fragment = FragmentParser.Parse(path, File.ReadAllText(Path.Combine(repo.Root, path)));
        (fragment.Title, fragment.CzechTitle, fragment.Czech, fragment.HasCzechText).ShouldBe(("Minimum wage 2025", "Minimální mzda 2025", "Minimální mzda se zvyšuje.", true));
        ChangelogChecker.Check(repo.Folder).ShouldBeEmpty();
        Should.Throw<UserException>(() => FragmentWriter.Write(repo.Folder, FragmentType.Fix, "Text.", [], [], [], null, null, czechTitle: "Dva\nřádky"));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AppLayer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AppLayer.sln not found above the test's folder.");
    }
}
