using AppLayer.Core.LegalChanges;
using AppLayer.Core.Releases;

namespace AppLayer.Host.Dashboard;

/// <summary>Search customers (code, name), legal changes (reference, title) and packages (id, title), ignoring diacritics and case; a contact finds only their own customer.</summary>
internal static class SearchPage
{
    private const int MaxHits = 50;

    public static async Task<IResult> ShowAsync(
        string? q,
        HttpContext context,
        ICustomerStore customers,
        ILegalChangeStore changes,
        IPackageStore packages,
        CancellationToken ct)
    {
        var viewer = Viewer.From(context.User);
        var text = q?.Trim() ?? string.Empty;
        var folded = TextFold.Fold(text);
        bool Hit(params string[] fields) => TextFold.Contains(folded, fields);
        return new HtmlPage("Search", "search.html", new
        {
            Query = text,
            Searched = text.Length > 0,
            Customers = (await customers.ListAsync(ct)).Where(c => viewer.CanSee(c) && Hit(c.Code, c.Name)).Take(MaxHits)
                .Select(c => new { c.Code, c.Name, Url = CustomerPage.Url(c.Code) }).ToList(),
            LegalChanges = (await changes.ListAsync(ct)).Where(c => Hit(c.Reference, c.Title, c.Area)).Take(MaxHits)
                .Select(c => new { c.Reference, c.Title, c.Jurisdiction, Effective = c.EffectiveDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }).ToList(),
            Packages = (await packages.ListAsync(ct)).Where(p => Hit(p.Id, p.Manifest.Title)).Take(MaxHits)
                .Select(p => new { p.Id, p.Version, p.Manifest.Title, Kind = p.Manifest.Kind.ToString() }).ToList(),
        });
    }
}
