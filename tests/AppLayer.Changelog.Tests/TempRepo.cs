namespace AppLayer.Changelog.Tests;

/// <summary>A throw-away repository folder with changelog/ and an optional update plugin.</summary>
internal sealed class TempRepo : IDisposable
{
    public TempRepo()
    {
        Root = Directory.CreateTempSubdirectory("applayer-changelog-").FullName;
        Directory.CreateDirectory(Path.Combine(Root, "changelog", "unreleased"));
        Folder = new ChangelogFolder(Root);
    }

    public string Root { get; }

    public ChangelogFolder Folder { get; }

    public string Fragment(string name, string text)
    {
        var path = Path.Combine(Folder.Unreleased, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Plugin(string id)
    {
        var dir = Path.Combine(Root, "plugins", "samples", id);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "applayer.update.json"), $$"""{ "id": "{{id}}", "version": "1.0.0" }""");
    }

    /// <summary>Every file under the root with its content, to prove nothing changed.</summary>
    public Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(Root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Root, f), File.ReadAllText);

    public void Dispose() => Directory.Delete(Root, recursive: true);

    public const string BespokeFragment = """
        ---
        type: feature
        title: Bank file from the payroll export
        title-cs: Bankovní soubor z mzdového exportu
        modules: payroll
        customer: novak
        ---
        The payroll export for Novák Strojírny also writes the bank file.

        ## cs
        Mzdový export pro Novák Strojírny zapisuje i bankovní soubor.
        """;

    public const string VatFragment = """
        ---
        type: legislative
        title: VAT reduced rates merged into 12 %
        title-cs: Snížené sazby DPH sloučeny do 12 %
        legal: Act No. 349/2023 Coll.
        modules: accounting
        packages: Cz.Vat2024
        ---
        The reduced VAT rates are merged into 12 %.

        ## cs
        Snížené sazby DPH se slučují do 12 %.
        """;
}
