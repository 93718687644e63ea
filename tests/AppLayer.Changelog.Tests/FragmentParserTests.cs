namespace AppLayer.Changelog.Tests;

public sealed class FragmentParserTests
{
    public sealed class Parse
    {
        [Fact]
        public void Reads_the_front_matter_lists_and_both_languages()
        {
            var fragment = FragmentParser.Parse("a.md", """
                ---
                type: legislative
                title: Two laws
                legal:
                  - Act No. 349/2023 Coll.
                  - Act No. 235/2004 Coll.
                modules: accounting, finance
                packages: Cz.Vat2024
                ---
                English text.

                ## cs
                Český text.
                """);

            fragment.Type.ShouldBe(FragmentType.Legislative);
            fragment.Title.ShouldBe("Two laws");
            fragment.LegalReferences.ShouldBe(["Act No. 349/2023 Coll.", "Act No. 235/2004 Coll."]);
            fragment.Modules.ShouldBe(["accounting", "finance"]);
            fragment.Packages.ShouldBe(["Cz.Vat2024"]);
            fragment.Text("en").ShouldBe("English text.");
            fragment.Text("cs").ShouldBe("Český text.");
        }

        [Fact]
        public void Falls_back_to_the_english_text_when_there_is_no_czech_one()
        {
            var fragment = FragmentParser.Parse("a.md", "---\ntype: fix\n---\nFixed the totals. More words.\n");

            fragment.Text("cs").ShouldBe(fragment.Text("en"));
            fragment.Title.ShouldBe("Fixed the totals.");
        }

        [Theory]
        [InlineData("---\ntype: bogus\n---\ntext\n", "b.md:2: unknown type 'bogus'")]
        [InlineData("---\ntitle: x\n---\ntext\n", "b.md:1: 'type' is missing")]
        [InlineData("---\ntype: fix\ncolour: red\n---\ntext\n", "b.md:3: unknown key 'colour'")]
        [InlineData("no front matter\n", "b.md:1: a fragment starts with a front matter")]
        [InlineData("---\ntype: fix\n", "not closed")]
        [InlineData("---\ntype: fix\n---\n\n", "b.md:4: the fragment has no text")]
        [InlineData("---\ntype: legislative\n---\ntext\n", "b.md:2: a legislative fragment must name its legal references")]
        [InlineData("---\ntype: fix\ntype: feature\n---\ntext\n", "b.md:3: 'type' is given twice")]
        [InlineData("---\ntype: feature\ncustomer: ../public\n---\ntext\n", "b.md:3: customer '../public' is not a customer code")]
        public void Names_the_file_and_line_of_what_is_wrong(string text, string expected)
        {
            var error = Should.Throw<FragmentException>(() => FragmentParser.Parse("b.md", text));

            error.Message.ShouldContain(expected);
        }
    }
}
