using System.Collections.Concurrent;
using Scriban;
using Scriban.Runtime;

namespace AppLayer.Changelog;

/// <summary>The one place Scriban templates are loaded (embedded resources) and rendered.</summary>
public static class Templates
{
    private static readonly ConcurrentDictionary<string, Template> Cache = new();

    /// <summary>Renders the embedded template <paramref name="name"/> (e.g. <c>notes.en.md</c>) with a model.</summary>
    public static string Render(string name, object model)
    {
        var template = Cache.GetOrAdd(name, Load);
        var globals = new ScriptObject();
        globals.Import(model, renamer: member => StandardMemberRenamer.Rename(member));
        var context = new TemplateContext { MemberRenamer = member => StandardMemberRenamer.Rename(member), StrictVariables = true };
        context.PushGlobal(globals);
        return template.Render(context);
    }

    private static Template Load(string name)
    {
        var resource = $"AppLayer.Changelog.Templates.{name}.scriban";
        using var stream = typeof(Templates).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"template '{resource}' is not embedded");
        using var reader = new StreamReader(stream);
        var template = Template.Parse(reader.ReadToEnd(), resource);
        return template.HasErrors
            ? throw new InvalidOperationException($"template '{resource}': {string.Join("; ", template.Messages)}")
            : template;
    }
}
