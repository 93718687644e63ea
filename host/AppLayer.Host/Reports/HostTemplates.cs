using AppLayer.Changelog.Templating;

namespace AppLayer.Host.Reports;

/// <summary>The host's Scriban templates (Templates/*.scriban, embedded): HTML ones escape every value, text ones do not.</summary>
internal static class HostTemplates
{
    private const string Prefix = "AppLayer.Host.Templates.";

    public static TemplateSet Html { get; } = new(typeof(HostTemplates).Assembly, Prefix, escapeHtml: true);

    public static TemplateSet Text { get; } = new(typeof(HostTemplates).Assembly, Prefix, escapeHtml: false);
}
