using AppLayer.Protocol;

namespace AppLayer.Changelog.Tests;

public sealed class ChangelogBuilderTests
{
    public sealed class Build
    {
        [Fact]
        public void Renders_the_changelog_and_notes_in_both_languages_and_moves_the_fragments()
        {
            using var repo = new TempRepo();
            repo.Fragment("vat.md", TempRepo.VatFragment);
            repo.Fragment("fix.md", "---\ntype: fix\n---\nInvoice totals round to the haléř.\n");

            var result = ChangelogBuilder.Build(repo.Folder, "2025.1", new DateOnly(2025, 1, 2));

            result.Fragments.ShouldBe(2);
            var changelog = File.ReadAllText(repo.Folder.ChangelogFile);
            changelog.ShouldContain("## [2025.1] - 2025-01-02");
            changelog.IndexOf("### Legal changes", StringComparison.Ordinal).ShouldBeLessThan(changelog.IndexOf("### Fixed", StringComparison.Ordinal));
            changelog.ShouldContain("- The reduced VAT rates are merged into 12 %. (Act No. 349/2023 Coll.) `Cz.Vat2024`");
            var release = Path.Combine(repo.Folder.Releases, "2025.1");
            File.ReadAllText(Path.Combine(release, "notes.en.md")).ShouldContain("Legal basis: Act No. 349/2023 Coll.");
            var czech = File.ReadAllText(Path.Combine(release, "notes.cs.md"));
            czech.ShouldContain("## Legislativní změny");
            czech.ShouldContain("Snížené sazby DPH se slučují do 12 %.");
            Directory.GetFiles(repo.Folder.Unreleased).ShouldBeEmpty();
            Directory.GetFiles(Path.Combine(release, "fragments")).Select(Path.GetFileName).ShouldBe(["fix.md", "vat.md"], ignoreOrder: true);
        }

        [Fact]
        public void Keeps_a_customers_bespoke_fragment_out_of_the_public_changelog_and_both_notes()
        {
            using var repo = new TempRepo();
            repo.Fragment("vat.md", TempRepo.VatFragment);
            repo.Fragment("novak-export.md", TempRepo.BespokeFragment);

            ChangelogBuilder.Build(repo.Folder, "2025.1", new DateOnly(2025, 1, 2));

            var release = Path.Combine(repo.Folder.Releases, "2025.1");
            foreach (var file in new[] { repo.Folder.ChangelogFile, Path.Combine(release, "notes.en.md"), Path.Combine(release, "notes.cs.md") })
            {
                var text = File.ReadAllText(file);
                text.ShouldContain("12 %", customMessage: file);
                text.ShouldNotContain("Strojírny", customMessage: file);
                text.ShouldNotContain("novak", Case.Insensitive, customMessage: file);
            }
        }

        [Fact]
        public void Writes_a_customers_bespoke_fragment_into_that_customers_changelog_and_notes_only()
        {
            using var repo = new TempRepo();
            repo.Fragment("vat.md", TempRepo.VatFragment);
            repo.Fragment("novak-export.md", TempRepo.BespokeFragment);
            repo.Fragment("horak-report.md", "---\ntype: feature\ncustomer: horak\n---\nThe Horák route report.\n");

            var result = ChangelogBuilder.Build(repo.Folder, "2025.1", new DateOnly(2025, 1, 2));

            result.Customers.ShouldBe([Path.Combine("changelog", "customers", "horak.md"), Path.Combine("changelog", "customers", "novak.md")]);
            var novak = File.ReadAllText(repo.Folder.CustomerChangelogFile("novak"));
            novak.ShouldStartWith("# Changelog for novak");
            novak.ShouldContain("## [2025.1] - 2025-01-02");
            novak.ShouldContain("The payroll export for Novák Strojírny also writes the bank file.");
            novak.ShouldNotContain("12 %");
            novak.ShouldNotContain("Horák");
            var notes = Path.Combine(repo.Folder.Releases, "2025.1", "customers", "novak");
            var english = File.ReadAllText(Path.Combine(notes, "notes.en.md"));
            english.ShouldContain("The payroll export for Novák Strojírny also writes the bank file.");
            english.ShouldContain("The reduced VAT rates are merged into 12 %.");
            english.ShouldNotContain("Horák");
            var czech = File.ReadAllText(Path.Combine(notes, "notes.cs.md"));
            czech.ShouldContain("Mzdový export pro Novák Strojírny zapisuje i bankovní soubor.");
            czech.ShouldContain("Snížené sazby DPH se slučují do 12 %.");
            File.ReadAllText(Path.Combine(repo.Folder.Releases, "2025.1", "customers", "horak", "notes.en.md")).ShouldNotContain("Novák");
        }

        [Fact]
        public void Adds_a_later_release_above_the_earlier_one_in_a_customers_changelog()
        {
            using var repo = new TempRepo();
            repo.Fragment("novak-export.md", TempRepo.BespokeFragment);
            ChangelogBuilder.Build(repo.Folder, "2025.1", new DateOnly(2025, 1, 2));
            repo.Fragment("novak-fix.md", "---\ntype: fix\ncustomer: novak\n---\nThe bank file keeps leading zeros.\n");

            ChangelogBuilder.Build(repo.Folder, "2025.2", new DateOnly(2025, 2, 1));

            var novak = File.ReadAllText(repo.Folder.CustomerChangelogFile("novak"));
            novak.IndexOf("## [2025.2]", StringComparison.Ordinal).ShouldBeLessThan(novak.IndexOf("## [2025.1]", StringComparison.Ordinal));
            novak.ShouldContain("The bank file keeps leading zeros.");
            File.ReadAllText(repo.Folder.ChangelogFile).ShouldNotContain("leading zeros");
        }

        [Fact]
        public void Puts_a_newer_release_above_the_older_one()
        {
            using var repo = new TempRepo();
            repo.Fragment("vat.md", TempRepo.VatFragment);
            ChangelogBuilder.Build(repo.Folder, "2025.1", new DateOnly(2025, 1, 2));
            repo.Fragment("fix.md", "---\ntype: fix\n---\nA fix.\n");

            ChangelogBuilder.Build(repo.Folder, "2025.2", new DateOnly(2025, 2, 1));

            var changelog = File.ReadAllText(repo.Folder.ChangelogFile);
            changelog.IndexOf("## [2025.2]", StringComparison.Ordinal).ShouldBeLessThan(changelog.IndexOf("## [2025.1]", StringComparison.Ordinal));
            changelog.ShouldStartWith("# Changelog");
        }

        [Fact]
        public void Refuses_a_version_already_released_and_changes_nothing()
        {
            using var repo = new TempRepo();
            repo.Fragment("vat.md", TempRepo.VatFragment);
            ChangelogBuilder.Build(repo.Folder, "2025.1", new DateOnly(2025, 1, 2));
            repo.Fragment("fix.md", "---\ntype: fix\n---\nA fix.\n");
            var before = repo.Snapshot();

            Should.Throw<AppLayer.Protocol.UserException>(() => ChangelogBuilder.Build(repo.Folder, "2025.1", new DateOnly(2025, 3, 1)))
                .Message.ShouldContain("already released");

            repo.Snapshot().ShouldBe(before);
        }

        [Fact]
        public void Stops_at_a_broken_fragment_and_changes_nothing()
        {
            using var repo = new TempRepo();
            repo.Fragment("vat.md", TempRepo.VatFragment);
            repo.Fragment("zz-broken.md", "---\ntype: nonsense\n---\ntext\n");
            var before = repo.Snapshot();

            Should.Throw<FragmentException>(() => ChangelogBuilder.Build(repo.Folder, "2025.1", new DateOnly(2025, 1, 2)))
                .Message.ShouldContain("zz-broken.md:2");

            repo.Snapshot().ShouldBe(before);
        }
    }
}
