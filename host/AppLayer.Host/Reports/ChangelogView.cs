using AppLayer.Core.Changelog;

namespace AppLayer.Host.Reports;

/// <summary>A customer's changelog as the templates read it (dates as text).</summary>
internal static class ChangelogView
{
    public static object Model(CustomerChangelog changelog)
    {
        ArgumentNullException.ThrowIfNull(changelog);
        return new
        {
            Customer = new { changelog.Customer.Code, changelog.Customer.Name },
            Url = "/dashboard/customers/" + Uri.EscapeDataString(changelog.Customer.Code),
            Releases = changelog.Releases.Select(r => new
            {
                r.Name,
                Created = r.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Updates = r.Updates.Select(Update).ToList(),
            }).ToList(),
            Bespoke = changelog.Bespoke.Select(Update).ToList(),
        };
    }

    public static string Markdown(CustomerChangelog changelog) => HostTemplates.Text.Render("customer-changelog.md", Model(changelog));

    private static object Update(AppliedUpdate u) => new
    {
        u.Title,
        Package = $"{u.PackageId} {u.Version}",
        u.Kind,
        Legal = string.Join("; ", u.LegalReferences),
        Effective = u.EffectiveDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
        Applied = string.Join(", ", u.AppliedAt.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Installation} {a.At.UtcDateTime:yyyy-MM-dd}"))),
    };
}
