using System.Text.Encodings.Web;
using System.Text;
using AppLayer.Changelog.Templating;

namespace AppLayer.Host.Dashboard;

/// <summary>
/// A bar chart as inline SVG, made on the server (no script); labels are escaped. At least 900 px wide, so it reads at
/// a glance on a 1,400-px screen, with a labelled value axis (gridlines at round steps) and a labelled month axis.
/// </summary>
internal static class SvgBarChart
{
    private const int Height = 260;
    private const int MinWidth = 900;
    private const int Left = 56;
    private const int Right = 16;
    private const int Top = 24;
    private const int Bottom = 52;

    public static RawHtml Render(string caption, IReadOnlyList<(string Label, int Value)> bars, string valueAxis = "updates", string categoryAxis = "month")
    {
        var max = Math.Max(1, bars.Count == 0 ? 0 : bars.Max(b => b.Value));
        var step = Step(max);
        var top = ((max + step - 1) / step) * step;
        var slot = Math.Max(48, (MinWidth - Left - Right) / Math.Max(1, bars.Count));
        var bar = Math.Max(12, slot * 2 / 3);
        var width = Math.Max(MinWidth, Left + Right + (bars.Count * slot));
        var plot = Height - Top - Bottom;
        var baseY = Height - Bottom;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{Height}\" viewBox=\"0 0 {width} {Height}\" role=\"img\" aria-label=\"{HtmlEncoder.Default.Encode(caption)}\" font-family=\"system-ui, sans-serif\">");
        for (var v = 0; v <= top; v += step)
        {
            var y = baseY - (int)Math.Round(plot * (double)v / top);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{y}\" x2=\"{width - Right}\" y2=\"{y}\" stroke=\"{(v == 0 ? "#8c959f" : "#eaeef2")}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{Left - 6}\" y=\"{y + 4}\" text-anchor=\"end\" font-size=\"12\">{v}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" transform=\"rotate(-90)\" x=\"{-(Top + (plot / 2))}\" y=\"14\" text-anchor=\"middle\" font-size=\"13\">{HtmlEncoder.Default.Encode(valueAxis)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{Left + ((width - Left - Right) / 2)}\" y=\"{Height - 8}\" text-anchor=\"middle\" font-size=\"13\">{HtmlEncoder.Default.Encode(categoryAxis)}</text>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var h = (int)Math.Round(plot * (double)value / top);
            var x = Left + (i * slot) + ((slot - bar) / 2);
            var y = baseY - h;
            var text = HtmlEncoder.Default.Encode(label);
            svg.Append(CultureInfo.InvariantCulture, $"<g><title>{text}: {value}</title><rect class=\"bar\" x=\"{x}\" y=\"{y}\" width=\"{bar}\" height=\"{h}\" fill=\"#0969da\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (bar / 2)}\" y=\"{y - 5}\" text-anchor=\"middle\" font-size=\"12\">{value}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (bar / 2)}\" y=\"{baseY + 18}\" text-anchor=\"middle\" font-size=\"12\">{text}</text></g>");
        }

        svg.Append("</svg>");
        return new RawHtml(svg.ToString());
    }

    /// <summary>A round gridline step (1, 2, 5, 10, 20, 50, …) giving at most about five lines.</summary>
    private static int Step(int max)
    {
        var step = 1;
        while (max / step > 5)
        {
            step = step.ToString(CultureInfo.InvariantCulture)[0] switch { '1' => step * 2, '2' => step * 5 / 2, _ => step * 2 };
        }

        return step;
    }
}
