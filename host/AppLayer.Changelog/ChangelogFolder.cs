using AppLayer.Protocol;

namespace AppLayer.Changelog;

/// <summary>The <c>changelog/</c> folder of a repository: fragments, released notes and CHANGELOG.md.</summary>
public sealed class ChangelogFolder
{
    public ChangelogFolder(string repositoryRoot)
    {
        Root = Path.GetFullPath(repositoryRoot);
        Folder = Path.Combine(Root, "changelog");
        if (!Directory.Exists(Folder))
        {
            throw new UserException($"'{Root}' has no changelog/ folder.");
        }
    }

    public string Root { get; }

    public string Folder { get; }

    public string Unreleased => Path.Combine(Folder, "unreleased");

    public string Releases => Path.Combine(Folder, "releases");

    public string ChangelogFile => Path.Combine(Folder, "CHANGELOG.md");

    /// <summary>Where bespoke work for one customer is listed: <c>changelog/customers/CODE.md</c>.</summary>
    public string Customers => Path.Combine(Folder, "customers");

    public string CustomerChangelogFile(string customer) => Path.Combine(Customers, customer.ToLowerInvariant() + ".md");

    /// <summary>Finds the repository root at or above <paramref name="start"/> (the folder holding changelog/).</summary>
    public static ChangelogFolder Find(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "changelog")))
            {
                return new ChangelogFolder(dir.FullName);
            }
        }

        throw new UserException($"no changelog/ folder at or above '{start}'; pass --root.");
    }

    /// <summary>Reads every unreleased fragment; the first broken one stops with its file and line.</summary>
    public IReadOnlyList<Fragment> ReadUnreleased() => ReadFragments(Unreleased);

    /// <summary>Every fragment ever written: unreleased and those moved into releases.</summary>
    public IReadOnlyList<Fragment> ReadAll() =>
        [.. ReadUnreleased(), .. Directory.Exists(Releases)
            ? Directory.GetDirectories(Releases).SelectMany(r => ReadFragments(Path.Combine(r, "fragments")))
            : []];

    public string Relative(string path) => Path.GetRelativePath(Root, path);

    private List<Fragment> ReadFragments(string folder) =>
        !Directory.Exists(folder)
            ? []
            : Directory.GetFiles(folder, "*.md")
                .Order(StringComparer.Ordinal)
                .Select(f => FragmentParser.Parse(Relative(f), File.ReadAllText(f)))
                .ToList();
}
