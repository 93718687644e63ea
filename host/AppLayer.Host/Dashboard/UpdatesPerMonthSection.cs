using AppLayer.Changelog.Templating;
using AppLayer.Core.History;

namespace AppLayer.Host.Dashboard;

/// <summary>The customer page's chart of updates applied per month, from the first to the last month with one (at most 24 months).</summary>
internal sealed class UpdatesPerMonthSection(HistoryService history) : ICustomerSection
{
    private const int MaxMonths = 24;

    public string Title => "Updates applied per month";

    public int Order => 100;

    public async Task<RawHtml> RenderAsync(Customer customer, CancellationToken cancellationToken)
    {
        var counts = (await history.CountByMonthAsync(customer, HistoryKinds.UpdateApplied, cancellationToken)).ToDictionary(m => m.Month, m => m.Count);
        if (counts.Count == 0)
        {
            return new RawHtml("<p class=\"muted\">No updates applied yet.</p>");
        }

        var last = counts.Keys.Max();
        var first = counts.Keys.Min();
        if (first < last.AddMonths(1 - MaxMonths))
        {
            first = last.AddMonths(1 - MaxMonths);
        }

        var bars = new List<(string, int)>();
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            bars.Add((month.ToString("yyyy-MM", CultureInfo.InvariantCulture), counts.GetValueOrDefault(month)));
        }

        return SvgBarChart.Render(Title, bars);
    }
}
