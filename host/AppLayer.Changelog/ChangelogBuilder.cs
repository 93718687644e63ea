using System.Text;
using System.Text.RegularExpressions;
using AppLayer.Protocol;

namespace AppLayer.Changelog;

/// <summary>
/// <c>applayer changelog build --version V</c>: renders the release's section of CHANGELOG.md
/// (Keep a Changelog layout) and its notes in English and Czech, and moves the fragments into
/// <c>changelog/releases/V/</c>. A fragment that names a customer (bespoke work) stays out of
/// the public changelog and notes: it goes into that customer's <c>changelog/customers/CODE.md</c>
/// and the customer's notes <c>releases/V/customers/CODE/notes.{en,cs}.md</c> (the release as
/// that customer gets it: the public changes and its own). All or nothing: on any failure the
/// folder is as before.
/// </summary>
public static partial class ChangelogBuilder
{
    public const string Header = """
        # Changelog

        All notable changes to the IS delivered through AppLayer. The format follows
        [Keep a Changelog](https://keepachangelog.com/en/1.1.0/); legal changes come first.

        """;

    public static BuildResult Build(ChangelogFolder folder, string version, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(version);
        if (!VersionPattern().IsMatch(version))
        {
            throw new UserException($"version '{version}' is not a version such as 2025.1 or 1.4.0.");
        }

        var release = Path.Combine(folder.Releases, version);
        var existing = File.Exists(folder.ChangelogFile) ? File.ReadAllText(folder.ChangelogFile) : Header;
        if (Directory.Exists(release) || existing.Contains($"## [{version}]", StringComparison.Ordinal))
        {
            throw new UserException($"version {version} is already released; releases are immutable.");
        }

        var fragments = folder.ReadUnreleased();
        if (fragments.Count == 0)
        {
            throw new UserException($"no fragments in {folder.Relative(folder.Unreleased)}; nothing to release.");
        }

        var published = fragments.Where(f => f.Customer is null).ToList();
        var bespoke = fragments.Where(f => f.Customer is not null)
            .GroupBy(f => f.Customer!, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var changelogs = new List<(string File, string Text)>
        {
            (folder.ChangelogFile, Insert(existing, Tidy(Templates.Render("changelog-section.md", ReleaseModel.From(version, date, published, "en"))))),
        };
        foreach (var customer in bespoke)
        {
            var file = folder.CustomerChangelogFile(customer.Key);
            var before = File.Exists(file) ? File.ReadAllText(file) : CustomerHeader(customer.Key);
            changelogs.Add((file, Insert(before, Tidy(Templates.Render("changelog-section.md", ReleaseModel.From(version, date, customer, "en"))))));
        }

        var staging = Path.Combine(folder.Releases, $".{version}.staging");
        var moved = new List<(string From, string To)>();
        try
        {
            Directory.CreateDirectory(Path.Combine(staging, "fragments"));
            WriteNotes(staging, version, date, published);
            foreach (var customer in bespoke)
            {
                var notes = Path.Combine(staging, "customers", customer.Key.ToLowerInvariant());
                Directory.CreateDirectory(notes);
                WriteNotes(notes, version, date, [.. published, .. customer]);
            }

            foreach (var (file, text) in changelogs)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file + ".new", text);
            }

            foreach (var fragment in fragments)
            {
                var from = Path.Combine(folder.Root, fragment.File);
                var to = Path.Combine(staging, "fragments", fragment.Name);
                File.Move(from, to);
                moved.Add((from, to));
            }

            Directory.Move(staging, release);
            foreach (var (file, _) in changelogs)
            {
                File.Move(file + ".new", file, overwrite: true);
            }
        }
        catch (Exception)
        {
            Undo(staging, release, moved, changelogs.Select(c => c.File));
            throw;
        }

        return new BuildResult(version, fragments.Count, folder.Relative(folder.ChangelogFile), folder.Relative(release))
        {
            Customers = [.. bespoke.Select(c => folder.Relative(folder.CustomerChangelogFile(c.Key)))],
        };
    }

    /// <summary>The head of a customer's own changelog: bespoke work only, beside the public CHANGELOG.md.</summary>
    public static string CustomerHeader(string customer) => $"""
        # Changelog for {customer}

        Bespoke changes made for customer {customer} only, newest first. Changes every customer
        gets are in the public CHANGELOG.md.

        """;

    private static void WriteNotes(string folder, string version, DateOnly date, IReadOnlyList<Fragment> fragments)
    {
        File.WriteAllText(Path.Combine(folder, "notes.en.md"), Tidy(Templates.Render("notes.en.md", ReleaseModel.From(version, date, fragments, "en"))));
        File.WriteAllText(Path.Combine(folder, "notes.cs.md"), Tidy(Templates.Render("notes.cs.md", ReleaseModel.From(version, date, fragments, "cs"))));
    }

    private static void Undo(string staging, string release, List<(string From, string To)> moved, IEnumerable<string> changelogs)
    {
        var current = Directory.Exists(release) ? release : staging;
        foreach (var (from, to) in moved)
        {
            var at = Path.Combine(current, "fragments", Path.GetFileName(to));
            if (File.Exists(at))
            {
                File.Move(at, from);
            }
        }

        foreach (var dir in new[] { staging, release })
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        foreach (var file in changelogs)
        {
            File.Delete(file + ".new");
        }
    }

    private static string Insert(string existing, string section)
    {
        var text = existing.ReplaceLineEndings("\n");
        var at = text.IndexOf("\n## [", StringComparison.Ordinal);
        if (at >= 0 && text[(at + 1)..].StartsWith("## [Unreleased]", StringComparison.OrdinalIgnoreCase))
        {
            var next = text.IndexOf("\n## [", at + 1, StringComparison.Ordinal);
            at = next;
        }

        return at < 0
            ? text.TrimEnd('\n') + "\n\n" + section
            : text[..(at + 1)] + section + "\n" + text[(at + 1)..];
    }

    /// <summary>One blank line between blocks, a newline at the end.</summary>
    private static string Tidy(string markdown)
    {
        var text = new StringBuilder();
        var blank = 0;
        foreach (var line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            blank = line.Trim().Length == 0 ? blank + 1 : 0;
            if (blank <= 1)
            {
                text.Append(line.TrimEnd()).Append('\n');
            }
        }

        return text.ToString().Trim('\n') + "\n";
    }

    [GeneratedRegex(@"^\d+(\.\d+){1,3}(-[0-9A-Za-z.-]+)?$")]
    private static partial Regex VersionPattern();
}

public sealed record BuildResult(string Version, int Fragments, string Changelog, string ReleaseFolder)
{
    /// <summary>The customers' own changelogs this release wrote to (bespoke fragments).</summary>
    public IReadOnlyList<string> Customers { get; init; } = [];
}
