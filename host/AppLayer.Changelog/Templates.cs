using AppLayer.Changelog.Templating;

namespace AppLayer.Changelog;

/// <summary>The changelog's Scriban templates (changelog/templates, embedded); see <see cref="TemplateSet"/>.</summary>
public static class Templates
{
    private static readonly TemplateSet Set = new(typeof(Templates).Assembly, "AppLayer.Changelog.Templates.", escapeHtml: false);

    /// <summary>Renders the embedded template <paramref name="name"/> (e.g. <c>notes.en.md</c>) with a model.</summary>
    public static string Render(string name, object model) => Set.Render(name, model);
}
