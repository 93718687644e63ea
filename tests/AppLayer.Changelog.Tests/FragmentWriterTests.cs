namespace AppLayer.Changelog.Tests;

public sealed class FragmentWriterTests
{
    public sealed class Write
    {
        [Fact]
        public void Writes_a_fragment_the_parser_reads_back()
        {
            using var repo = new TempRepo();

            var path = FragmentWriter.Write(repo.Folder, FragmentType.Legislative, "Mzdy: nová minimální mzda.", ["Government Regulation No. 286/2024 Coll."], ["payroll"], ["Cz.MinimumWage2025"], null, null);

            var fragment = FragmentParser.Parse(path, File.ReadAllText(Path.Combine(repo.Root, path)));
            fragment.LegalReferences.ShouldBe(["Government Regulation No. 286/2024 Coll."]);
            fragment.Packages.ShouldBe(["Cz.MinimumWage2025"]);
            path.ShouldStartWith("changelog/unreleased/cz.minimumwage2025-mzdy-nova-minimalni-mzda");
        }

        [Fact]
        public void Never_overwrites_an_existing_fragment()
        {
            using var repo = new TempRepo();

            var first = FragmentWriter.Write(repo.Folder, FragmentType.Fix, "Same text.", [], [], [], null, "same");
            var second = FragmentWriter.Write(repo.Folder, FragmentType.Fix, "Same text.", [], [], [], null, "same");

            second.ShouldNotBe(first);
            Directory.GetFiles(repo.Folder.Unreleased).Length.ShouldBe(2);
        }

        [Fact]
        public void Refuses_a_legislative_fragment_without_legal_references_and_writes_nothing()
        {
            using var repo = new TempRepo();

            Should.Throw<FragmentException>(() => FragmentWriter.Write(repo.Folder, FragmentType.Legislative, "Text.", [], [], [], null, null));

            Directory.GetFiles(repo.Folder.Unreleased).ShouldBeEmpty();
        }
    }
}
