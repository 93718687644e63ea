using AppLayer.Core.Agreements;
using AppLayer.Core.Changelog;
using AppLayer.Core.History;
using AppLayer.Host.Endpoints;
using AppLayer.Host.Http;
using AppLayer.Host.Reports;

namespace AppLayer.Host.Dashboard;

/// <summary>One customer: agreement, installations, the filtered timeline (paged), export links and the sections.</summary>
internal static class CustomerPage
{
    private const int PageSize = 50;

    public static string Url(string code) => $"/dashboard/customers/{Uri.EscapeDataString(code)}";

    public static async Task<IResult> ShowAsync(
        string code,
        [Microsoft.AspNetCore.Http.AsParameters] HistoryFilterParameters filters,
        string? before,
        string? date,
        HttpContext context,
        HistoryService history,
        AgreementsInForce agreements,
        IInstallationStore installations,
        IEnumerable<ICustomerSection> sections,
        CancellationToken ct)
    {
        var customer = await FindAsync(code, context, history, ct);
        var zone = ViewerZone.From(context);
        var query = Timeline(filters, before, date, zone);
        var page = await history.PageAsync(customer, query, ct);
        var newer = query.Before is not null ? page.Next is not null : query.After is not null;
        var older = query.Before is { } from ? from.Id != 0 : page.Next is not null; // id 0: the cursor before every event
        var agreement = await agreements.FindAsync(customer.Id, ct);
        var sites = await installations.ListByCustomerAsync(customer.Id, ct);
        var filterQuery = FilterQuery(filters);
        var rendered = new List<object>();
        foreach (var section in sections.OrderBy(s => s.Order))
        {
            rendered.Add(new { section.Title, Html = await section.RenderAsync(customer, sites, ct) });
        }

        return new HtmlPage(customer.Name, "customer.html", new
        {
            Customer = new { customer.Code, customer.Name, Url = Url(customer.Code) },
            Services = agreement is null ? "no agreement" : string.Join(", ", agreement.Services),
            Modules = agreement is null ? "—" : string.Join(", ", agreement.Modules),
            Installations = sites.Select(i => new { i.Code, i.Name, i.IsVersion, Modules = string.Join(", ", i.Modules), i.TimeZone }).ToList(),
            Filter = new
            {
                Kind = filters.Kind ?? string.Empty,
                From = filters.From ?? string.Empty,
                To = filters.To ?? string.Empty,
                Module = filters.Module ?? string.Empty,
                Legal = filters.Legal ?? string.Empty,
                Installation = filters.Installation ?? string.Empty,
            },
            Kinds = HistoryKinds.All.Select(k => new { Value = k, Selected = query.Kinds.Count == 1 && query.Kinds[0] == k }).ToList(),
            InstallationOptions = sites.Select(i => new { Value = i.Code, Selected = string.Equals(query.Installation, i.Code, StringComparison.OrdinalIgnoreCase) }).ToList(),
            Filters = HistoryExport.Describe(query),
            Events = page.Events.Select(e => EventRow.From(e, zone)).ToList(),
            Zone = zone.Id,
            Date = date ?? string.Empty,
            OlderUrl = older && page.Events.Count > 0 ? Url(customer.Code) + new QueryBuilder(filterQuery) { { "after", new HistoryCursor(page.Events[^1].At, page.Events[^1].Id).Encode() } } + "#timeline" : string.Empty,
            NewerUrl = newer && page.Events.Count > 0 ? Url(customer.Code) + new QueryBuilder(filterQuery) { { "before", new HistoryCursor(page.Events[0].At, page.Events[0].Id).Encode() } } + "#timeline" : string.Empty,
            NewestUrl = newer ? Url(customer.Code) + new QueryBuilder(filterQuery) + "#timeline" : string.Empty,
            OldestUrl = older ? Url(customer.Code) + new QueryBuilder(filterQuery) { { "before", Oldest } } + "#timeline" : string.Empty,
            FilterFields = filterQuery.Select(p => new { Name = p.Key, p.Value }).ToList(),
            Exports = new[] { ("Markdown", "markdown"), ("HTML", "html"), ("CSV", "csv"), ("JSON", "json") }
                .Select(f => new { Label = f.Item1, Url = Url(customer.Code) + "/export" + new QueryBuilder(filterQuery) { { "format", f.Item2 } } })
                .ToList(),
            ChangelogUrl = Url(customer.Code) + "/changelog",
            Sections = rendered,
        });
    }

    public static async Task<IResult> ExportAsync(
        string code,
        string? format,
        [Microsoft.AspNetCore.Http.AsParameters] HistoryFilterParameters filters,
        HttpContext context,
        HistoryService history,
        TimeProvider time,
        CancellationToken ct)
    {
        var exportFormat = ExportFormats.Parse(format);
        var customer = await FindAsync(code, context, history, ct);
        var query = (filters with { After = null, Limit = null }).ToQuery();
        var events = await history.AllAsync(customer, query, ct);
        return new FileTextResult(HistoryExport.Render(exportFormat, customer, query, events, time.GetUtcNow()), exportFormat.ContentType(), HistoryExport.FileName(customer, exportFormat));
    }

    public static async Task<IResult> ChangelogAsync(string code, HttpContext context, HistoryService history, CustomerChangelogService changelogs, CancellationToken ct)
    {
        var customer = await FindAsync(code, context, history, ct);
        var changelog = await changelogs.BuildAsync(customer.Code, ct);
        return new HtmlPage("Changelog of " + customer.Name, "customer-changelog.html", ChangelogView.Model(changelog));
    }

    /// <summary>A cursor before every event: "before" it is the oldest page.</summary>
    private static readonly string Oldest = new HistoryCursor(DateTimeOffset.UnixEpoch, 0).Encode();

    /// <summary>
    /// The timeline's query: newest first, 50 a page; <c>after</c> pages to older events, <c>before</c> to newer ones,
    /// and <c>date</c> (YYYY-MM-DD, in the viewer's zone) jumps to the newest events of that day and before it.
    /// </summary>
    private static HistoryQuery Timeline(HistoryFilterParameters filters, string? before, string? date, ViewerZone zone)
    {
        var query = (filters with { Limit = null }).ToQuery() with { Limit = PageSize, NewestFirst = true };
        if (!string.IsNullOrWhiteSpace(before))
        {
            return query with { After = null, Before = HistoryCursor.Parse(before) };
        }

        if (!string.IsNullOrWhiteSpace(date))
        {
            var day = DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed)
                ? parsed
                : throw new Protocol.UserException($"date '{date}' is not a date in the form YYYY-MM-DD.");
            return query with { After = new HistoryCursor(zone.StartOf(day.AddDays(1)), 0) };
        }

        return query;
    }

    private static async Task<Customer> FindAsync(string code, HttpContext context, HistoryService history, CancellationToken ct) =>
        Viewer.From(context.User).Ensure(await history.CustomerAsync(code, ct), code);

    private static List<KeyValuePair<string, string>> FilterQuery(HistoryFilterParameters f) =>
        new (string Name, string? Value)[] { ("kind", f.Kind), ("from", f.From), ("to", f.To), ("module", f.Module), ("legal", f.Legal), ("installation", f.Installation) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Value))
            .Select(p => KeyValuePair.Create(p.Name, p.Value!.Trim()))
            .ToList();
}
