using System.Globalization;
using System.Text;
using AppLayer.Core.Releases;

namespace AppLayer.Feed.Releases;

/// <summary>A release's notes in Markdown: one line per package, with its legal references and effective date.</summary>
internal static class ReleaseNotes
{
    public static string Render(string name, IEnumerable<FeedPackage> packages)
    {
        var notes = new StringBuilder();
        notes.Append(CultureInfo.InvariantCulture, $"# {name}").AppendLine().AppendLine();
        foreach (var package in packages)
        {
            var manifest = package.Manifest;
            notes.Append(CultureInfo.InvariantCulture, $"- **{manifest.Title}** ({package.Id} {package.Version}, {manifest.Kind})");
            if (manifest.LegalReferences.Count > 0)
            {
                notes.Append(CultureInfo.InvariantCulture, $"; {string.Join("; ", manifest.LegalReferences)}");
            }

            if (manifest.EffectiveDate is { } effective)
            {
                notes.Append(CultureInfo.InvariantCulture, $"; effective {effective:yyyy-MM-dd}");
            }

            notes.AppendLine();
        }

        return notes.ToString();
    }
}
