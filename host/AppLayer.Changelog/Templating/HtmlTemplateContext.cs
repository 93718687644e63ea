using System.Net;
using Scriban;
using Scriban.Parsing;

namespace AppLayer.Changelog.Templating;

/// <summary>Escapes every value an HTML template writes; only <see cref="RawHtml"/> (markup made in code) passes as is.</summary>
internal sealed class HtmlTemplateContext : TemplateContext
{
    public override TemplateContext Write(SourceSpan span, object? textAsObject) => textAsObject switch
    {
        null => this,
        RawHtml raw => Write(raw.Html),
        _ => Write(WebUtility.HtmlEncode(ObjectToString(textAsObject))),
    };
}
