using System.Text.Json;

namespace AppLayer.Changelog;

/// <summary>
/// <c>applayer changelog check</c>: every fragment parses, and every update plugin under
/// <c>plugins/</c> (a project with an <c>applayer.update.json</c>, not a template's sample) is named by a fragment,
/// unreleased or released, and every unreleased fragment has its Czech title and text. With changed paths (from git), a change under <c>plugins/</c> also
/// needs a fragment changed in the same diff.
/// </summary>
public static class ChangelogChecker
{
    public static IReadOnlyList<string> Check(ChangelogFolder folder, IReadOnlyCollection<string>? changedPaths = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var problems = new List<string>();
        IReadOnlyList<Fragment> fragments;
        try
        {
            fragments = folder.ReadAll();
        }
        catch (FragmentException ex)
        {
            return [ex.Message];
        }

        var unreleased = folder.Relative(folder.Unreleased) + Path.DirectorySeparatorChar;
        foreach (var fragment in fragments.Where(f => f.File.StartsWith(unreleased, StringComparison.Ordinal)))
        {
            var missing = new[] { fragment.CzechTitle is null ? "a Czech title ('title-cs:')" : null, fragment.HasCzechText ? null : "a Czech text (a '## cs' part)" }
                .OfType<string>().ToList();
            if (missing.Count > 0)
            {
                problems.Add($"{fragment.File}:1: the Czech notes need {string.Join(" and ", missing)}; customers read the release notes in Czech.");
            }
        }

        var named = fragments.SelectMany(f => f.Packages).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var plugins = Path.Combine(folder.Root, "plugins");
        if (Directory.Exists(plugins))
        {
            foreach (var manifest in Directory.EnumerateFiles(plugins, "applayer.update.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (manifest.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    || manifest.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    || IsTemplateContent(manifest, plugins))
                {
                    continue;
                }

                var id = ReadId(manifest);
                if (id is not null && !named.Contains(id))
                {
                    problems.Add($"{folder.Relative(manifest)}:1: update '{id}' has no changelog fragment; add one with 'applayer changelog new --package {id} ...'.");
                }
            }
        }

        if (changedPaths is { Count: > 0 })
        {
            var pluginChanges = changedPaths.Where(p => p.StartsWith("plugins/", StringComparison.Ordinal) && !p.Contains(".Tests/", StringComparison.Ordinal)).ToList();
            var fragmentChanges = changedPaths.Any(p => p.StartsWith("changelog/unreleased/", StringComparison.Ordinal) || p.StartsWith("changelog/releases/", StringComparison.Ordinal));
            if (pluginChanges.Count > 0 && !fragmentChanges)
            {
                problems.Add($"{pluginChanges[0]}:1: changes under plugins/ ({pluginChanges.Count} file(s)) come with no changelog fragment in changelog/unreleased/.");
            }
        }

        return problems;
    }

    /// <summary>A <c>dotnet new</c> template's sample plugin (a folder above it holds <c>.template.config</c>) is not an update.</summary>
    private static bool IsTemplateContent(string manifest, string plugins)
    {
        for (var dir = Path.GetDirectoryName(manifest); dir is not null && dir.Length > plugins.Length; dir = Path.GetDirectoryName(dir))
        {
            if (Directory.Exists(Path.Combine(dir, ".template.config")))
            {
                return true;
            }
        }

        return false;
    }

    private static string? ReadId(string manifest)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(manifest));
            return json.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
