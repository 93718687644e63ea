using AppLayer.Core.Changelog;
using AppLayer.Core.Common;
using AppLayer.Core.History;
using AppLayer.Core.Keys;
using AppLayer.Core.Releases;
using AppLayer.Host.Http;
using AppLayer.Host.Reports;
using Microsoft.AspNetCore.Routing;

namespace AppLayer.Host.Endpoints;

/// <summary>A customer's history (filtered, keyset-paged), its exports, its changelog, and its contacts' keys.</summary>
internal static class HistoryEndpoints
{
    public static RouteGroupBuilder MapHistoryEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/customers/{code}/history", ListAsync)
            .WithSummary("A customer's history, oldest first, one page; the next page's cursor is in the Link header (rel=next) and X-Next-Cursor.");
        api.MapGet("/customers/{code}/history/export", ExportAsync)
            .WithSummary("Every event that matches the filters as a file: format=markdown|html|csv|json.");
        api.MapGet("/customers/{code}/changelog", ChangelogAsync)
            .WithSummary("Release notes filtered to what the customer's installations applied (Markdown).");
        api.MapPost("/customers/{code}/contact-keys", async (string code, int? expiresInDays, ContactKeyService keys, CancellationToken ct) =>
                Results.Created((string?)null, await keys.CreateAsync(code, expiresInDays, ct)))
            .WithSummary("A new key for one of the customer's contacts: it signs in to the dashboard and sees only this customer.");
        return api;
    }

    private static async Task<IResult> ListAsync(
        string code,
        [AsParameters] HistoryFilterParameters filters,
        HistoryService history,
        HttpContext context,
        CancellationToken ct)
    {
        var query = filters.ToQuery();
        var customer = await history.CustomerAsync(code, ct);
        var page = await history.PageAsync(customer, query, ct);
        if (page.Next is { } next)
        {
            var cursor = next.Encode();
            var url = new QueryBuilder(context.Request.Query.Where(q => q.Key != "after")) { { "after", cursor } };
            context.Response.Headers.Link = $"<{context.Request.PathBase}{context.Request.Path}{url}>; rel=\"next\"";
            context.Response.Headers["X-Next-Cursor"] = cursor;
        }

        return Results.Ok(page.Events.Select(e => e.ToDto()).ToList());
    }

    private static async Task<IResult> ExportAsync(
        string code,
        string? format,
        [AsParameters] HistoryFilterParameters filters,
        HistoryService history,
        TimeProvider time,
        CancellationToken ct)
    {
        var exportFormat = ExportFormats.Parse(format);
        var query = filters.ToQuery();
        var customer = await history.CustomerAsync(code, ct);
        var events = await history.AllAsync(customer, query, ct);
        var body = HistoryExport.Render(exportFormat, customer, query, events, time.GetUtcNow());
        return new FileTextResult(body, exportFormat.ContentType(), HistoryExport.FileName(customer, exportFormat));
    }

    private static async Task<IResult> ChangelogAsync(string code, CustomerChangelogService changelogs, CancellationToken ct)
    {
        var changelog = await changelogs.BuildAsync(code, ct);
        return Results.Text(ChangelogView.Markdown(changelog), "text/markdown; charset=utf-8");
    }
}
