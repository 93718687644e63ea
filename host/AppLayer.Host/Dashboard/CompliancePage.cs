using AppLayer.Core.Compliance;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;

namespace AppLayer.Host.Dashboard;

/// <summary>
/// The compliance radar for managers: one row per legal change, riskiest first, with its counts and a bar of the
/// entitled installations that applied it; each expands to its installations (exposed first, 50 a page).
/// <c>?at=</c> asks "what if today were", and every link keeps it.
/// </summary>
internal static class CompliancePage
{
    public const string Path = "/dashboard/compliance";

    private const int Preview = 10;
    private const int PageSize = 50;

    public static async Task<IResult> ShowAsync(string? at, int? horizon, string? customer, long? change, int? page, ComplianceService compliance, ICustomerStore customers, CancellationToken ct)
    {
        DateOnly? day = null;
        if (!string.IsNullOrWhiteSpace(at))
        {
            day = DateOnly.TryParseExact(at, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : throw new UserException($"at '{at}' is not a date in the form YYYY-MM-DD.");
        }

        if (page is < 1)
        {
            throw new UserException($"page '{page}' is not a page number (1 or more).");
        }

        var report = await compliance.RadarAsync(day, horizon, string.IsNullOrWhiteSpace(customer) ? null : customer, ct);
        var names = (await customers.ListAsync(ct)).ToDictionary(c => c.Code, c => c.Name, StringComparer.OrdinalIgnoreCase);
        var keep = new (string Name, string? Value)[] { ("at", Date(report.At)), ("horizon", report.HorizonDays.ToString(CultureInfo.InvariantCulture)), ("customer", report.Customer) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => KeyValuePair.Create(p.Name, p.Value!)).ToList();
        string ChangeUrl(long id, int n) => Path + new QueryBuilder(keep) { { "change", id.ToString(CultureInfo.InvariantCulture) }, { "page", n.ToString(CultureInfo.InvariantCulture) } } + $"#change-{id}";
        if (change is { } wanted && report.Changes.All(c => c.Id != wanted))
        {
            throw new NotFoundException($"Legal change {wanted} is not on the radar.");
        }

        return new HtmlPage("Compliance", "compliance.html", new
        {
            At = Date(report.At),
            report.HorizonDays,
            Customer = report.Customer ?? string.Empty,
            report.Applied,
            report.Scheduled,
            report.Exposed,
            report.NotEntitled,
            Changes = report.Changes.Select(c =>
            {
                var entitled = c.Applied + c.Scheduled + c.Exposed;
                var ordered = c.Installations.OrderBy(i => Rank(i.State)).ThenBy(i => names.GetValueOrDefault(i.Customer, i.Customer), StringComparer.CurrentCultureIgnoreCase).ThenBy(i => i.Installation, StringComparer.OrdinalIgnoreCase).ToList();
                var expanded = change == c.Id;
                var pages = Math.Max(1, (ordered.Count + PageSize - 1) / PageSize);
                var current = expanded ? Math.Min(page ?? 1, pages) : 1;
                return new
                {
                    c.Id,
                    Anchor = $"change-{c.Id}",
                    c.Reference,
                    c.Title,
                    c.Status,
                    Effective = Date(c.EffectiveDate),
                    c.DaysLeft,
                    When = c.DaysLeft switch { > 0 => $"in {c.DaysLeft} day(s)", 0 => "today", _ => $"in effect for {-c.DaysLeft} day(s)" },
                    WhenClass = c.DaysLeft < 0 && c.Exposed > 0 ? "bad" : c.DaysLeft <= report.HorizonDays && c.Exposed > 0 ? "partial" : string.Empty,
                    c.Risk,
                    c.Exposed,
                    c.Applied,
                    c.Scheduled,
                    c.NotEntitled,
                    Entitled = entitled,
                    Percent = entitled == 0 ? 0 : (int)Math.Floor(100.0 * c.Applied / entitled),
                    Late = c.DaysLeft < 0 && c.Applied < entitled,
                    NoUpdate = entitled > 0 && !c.Installations.Any(i => i.UpdateAvailable || i.State == "applied"),
                    Expanded = expanded,
                    Page = current,
                    Pages = pages,
                    ExpandUrl = ChangeUrl(c.Id, 1),
                    CollapseUrl = Path + new QueryBuilder(keep) + $"#change-{c.Id}",
                    PreviousUrl = expanded && current > 1 ? ChangeUrl(c.Id, current - 1) : string.Empty,
                    NextUrl = expanded && current < pages ? ChangeUrl(c.Id, current + 1) : string.Empty,
                    Installations = (expanded ? ordered.Skip((current - 1) * PageSize).Take(PageSize) : ordered.Where(i => i.State is "exposed" or "scheduled").Take(Preview))
                        .Select(i => Row(i, names)).ToList(),
                    More = ordered.Count,
                };
            }).ToList(),
        });
    }

    private static object Row(ComplianceRowDto i, Dictionary<string, string> names) => new
    {
        i.Installation,
        i.Customer,
        CustomerName = names.GetValueOrDefault(i.Customer, i.Customer),
        i.State,
        Class = i.State switch { "applied" => "ok", "exposed" => "bad", _ => "muted" },
        CustomerUrl = CustomerPage.Url(i.Customer),
        Missing = i.State is "applied" or "not-entitled" ? string.Empty : i.UpdateAvailable ? string.Join(", ", i.Missing) : "no update published yet",
    };

    private static int Rank(string state) => state switch { "exposed" => 0, "scheduled" => 1, "applied" => 2, _ => 3 };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
