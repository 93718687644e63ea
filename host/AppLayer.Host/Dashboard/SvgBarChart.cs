using System.Globalization;
using System.Text.Encodings.Web;
using System.Text;
using AppLayer.Changelog.Templating;

namespace AppLayer.Host.Dashboard;

/// <summary>A bar chart as inline SVG, made on the server (no script); labels are escaped.</summary>
internal static class SvgBarChart
{
    private const int Height = 180;
    private const int Bar = 28;
    private const int Gap = 12;
    private const int Top = 20;
    private const int Bottom = 36;

    public static RawHtml Render(string caption, IReadOnlyList<(string Label, int Value)> bars)
    {
        var max = Math.Max(1, bars.Count == 0 ? 0 : bars.Max(b => b.Value));
        var width = Math.Max(200, Gap + (bars.Count * (Bar + Gap)));
        var plot = Height - Top - Bottom;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{Height}\" viewBox=\"0 0 {width} {Height}\" role=\"img\" aria-label=\"{HtmlEncoder.Default.Encode(caption)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"{Height - Bottom}\" x2=\"{width}\" y2=\"{Height - Bottom}\" stroke=\"#8c959f\"/>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var h = (int)Math.Round(plot * (double)value / max);
            var x = Gap + (i * (Bar + Gap));
            var y = Height - Bottom - h;
            var text = HtmlEncoder.Default.Encode(label);
            svg.Append(CultureInfo.InvariantCulture, $"<g><title>{text}: {value}</title><rect class=\"bar\" x=\"{x}\" y=\"{y}\" width=\"{Bar}\" height=\"{h}\" fill=\"#0969da\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (Bar / 2)}\" y=\"{y - 4}\" text-anchor=\"middle\" font-size=\"11\">{value}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (Bar / 2)}\" y=\"{Height - Bottom + 14}\" text-anchor=\"middle\" font-size=\"9\">{text[2..]}</text></g>");
        }

        svg.Append("</svg>");
        return new RawHtml(svg.ToString());
    }
}
