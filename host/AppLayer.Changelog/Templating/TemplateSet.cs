using System.Collections.Concurrent;
using System.Reflection;
using Scriban;
using Scriban.Runtime;

namespace AppLayer.Changelog.Templating;

/// <summary>
/// The one helper that loads Scriban templates (embedded resources named <c>{prefix}{name}.scriban</c>
/// in one assembly) and renders them with a model whose members read snake_case.
/// An HTML set escapes every value a template writes, except <see cref="RawHtml"/>; every set offers
/// <c>md</c> (Markdown-escape a text).
/// Lists are as long as the data: Scriban's loop limit (1,000 iterations, counted across nested loops) and its
/// output and string limits (1 MiB, silently truncated) are off; the recursion limit stays, as no template recurses.
/// </summary>
public sealed class TemplateSet(Assembly assembly, string prefix, bool escapeHtml)
{
    // Scriban's default context deep-clones every builtin function object on each render (about 0.1 ms);
    // every render of every set shares one read-only copy instead (templates only read builtins).
    private static readonly ScriptObject Builtins = ReadOnlyBuiltins();

    private readonly ConcurrentDictionary<string, Template> _cache = new();

    public string Render(string name, object model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var template = _cache.GetOrAdd(name, Load);
        var globals = new ScriptObject();
        globals.Import(model, renamer: member => StandardMemberRenamer.Rename(member));
        globals.Import("md", new Func<object?, string>(v => MarkdownText.Escape(v?.ToString())));
        TemplateContext context = escapeHtml ? new HtmlTemplateContext(Builtins) : new TemplateContext(Builtins);
        context.MemberRenamer = member => StandardMemberRenamer.Rename(member);
        context.StrictVariables = true;
        Unlimit(context);
        context.PushGlobal(globals);
        return template.Render(context);
    }

    /// <summary>A page or export renders every row it is given: a fleet of 10,000 installations is not an error, nor cut short.</summary>
    private static void Unlimit(TemplateContext context)
    {
        context.LoopLimit = 0;
        context.LoopLimitQueryable = 0;
        context.LimitToString = 0;
        context.OutputLimit = 0;
    }

    private static ScriptObject ReadOnlyBuiltins()
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        foreach (var value in builtins.Values.OfType<ScriptObject>())
        {
            value.IsReadOnly = true;
        }

        builtins.IsReadOnly = true;
        return builtins;
    }

    private Template Load(string name)
    {
        var resource = $"{prefix}{name}.scriban";
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"template '{resource}' is not embedded");
        using var reader = new StreamReader(stream);
        var template = Template.Parse(reader.ReadToEnd(), resource);
        return template.HasErrors
            ? throw new InvalidOperationException($"template '{resource}': {string.Join("; ", template.Messages)}")
            : template;
    }
}
