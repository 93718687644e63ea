namespace AppLayer.Changelog.Tests;

public sealed class ChangelogCheckerTests
{
    public sealed class Check
    {
        [Fact]
        public void Passes_when_every_update_plugin_has_a_fragment()
        {
            using var repo = new TempRepo();
            repo.Plugin("Cz.Vat2024");
            repo.Fragment("vat.md", TempRepo.VatFragment);

            ChangelogChecker.Check(repo.Folder).ShouldBeEmpty();
        }

        [Fact]
        public void Counts_fragments_already_moved_into_a_release()
        {
            using var repo = new TempRepo();
            repo.Plugin("Cz.Vat2024");
            repo.Fragment("vat.md", TempRepo.VatFragment);
            ChangelogBuilder.Build(repo.Folder, "2025.1", new DateOnly(2025, 1, 2));

            ChangelogChecker.Check(repo.Folder).ShouldBeEmpty();
        }

        [Fact]
        public void Names_an_update_plugin_without_a_fragment()
        {
            using var repo = new TempRepo();
            repo.Plugin("Cz.Vat2024");
            repo.Plugin("Cz.Payroll2026");
            repo.Fragment("vat.md", TempRepo.VatFragment);

            var problem = ChangelogChecker.Check(repo.Folder).ShouldHaveSingleItem();

            problem.ShouldContain("plugins/samples/Cz.Payroll2026/applayer.update.json:1");
            problem.ShouldContain("'Cz.Payroll2026' has no changelog fragment");
        }

        [Fact]
        public void Reports_a_malformed_fragment_with_its_file_and_line()
        {
            using var repo = new TempRepo();
            repo.Fragment("bad.md", "---\ntype: fix\nwho: me\n---\ntext\n");

            ChangelogChecker.Check(repo.Folder).ShouldHaveSingleItem().ShouldStartWith("changelog/unreleased/bad.md:3:");
        }

        [Fact]
        public void Wants_a_fragment_in_the_same_diff_as_a_plugin_change()
        {
            using var repo = new TempRepo();

            ChangelogChecker.Check(repo.Folder, ["plugins/samples/Cz.Vat2024/VatUpdate.cs"]).ShouldHaveSingleItem().ShouldContain("no changelog fragment");
            ChangelogChecker.Check(repo.Folder, ["plugins/samples/Cz.Vat2024/VatUpdate.cs", "changelog/unreleased/vat.md"]).ShouldBeEmpty();
            ChangelogChecker.Check(repo.Folder, ["plugins/samples/Cz.Vat2024.Tests/VatTests.cs"]).ShouldBeEmpty();
        }
    }
}
