namespace AppLayer.Changelog.Tests;

/// <summary>The sample plugin inside a <c>dotnet new</c> template (AppLayer.Templates) is no update of this repository.</summary>
public sealed class ChangelogCheckerTemplateTests
{
    [Fact]
    public void Skips_the_sample_plugin_of_a_template_but_not_a_plugin_beside_it()
    {
        using var repo = new TempRepo();
        var content = Path.Combine(repo.Root, "plugins", "AppLayer.Templates", "content", "applayer-update");
        Directory.CreateDirectory(Path.Combine(content, ".template.config"));
        Directory.CreateDirectory(Path.Combine(content, "plugins", "Cz.Something"));
        File.WriteAllText(Path.Combine(content, "plugins", "Cz.Something", "applayer.update.json"), """{ "id": "Cz.Something", "version": "1.0.0" }""");
        var beside = Path.Combine(repo.Root, "plugins", "AppLayer.Templates", "Cz.Real");
        Directory.CreateDirectory(beside);
        File.WriteAllText(Path.Combine(beside, "applayer.update.json"), """{ "id": "Cz.Real", "version": "1.0.0" }""");

        var problem = ChangelogChecker.Check(repo.Folder).ShouldHaveSingleItem();

        problem.ShouldContain("'Cz.Real' has no changelog fragment");
    }
}
