using System.Text.Encodings.Web;
using System.Text.Unicode;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace AppLayer.Changelog.Templating;

/// <summary>Escapes every value an HTML template writes; only <see cref="RawHtml"/> (markup made in code) passes as is.</summary>
internal sealed class HtmlTemplateContext(ScriptObject builtins) : TemplateContext(builtins)
{
    /// <summary>Escapes markup characters (and quotes) but keeps Czech letters readable in the source.</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public override TemplateContext Write(SourceSpan span, object? textAsObject) => textAsObject switch
    {
        null => this,
        RawHtml raw => Write(raw.Html),
        _ => Write(Encoder.Encode(ObjectToString(textAsObject) ?? string.Empty)),
    };
}
