using System.Globalization;
using AppLayer.Core;
using AppLayer.Core.Compliance;

namespace AppLayer.Host.Dashboard;

/// <summary>The compliance radar for managers: who is still exposed to each legal change, riskiest first; <c>?at=</c> asks "what if today were".</summary>
internal static class CompliancePage
{
    public const string Path = "/dashboard/compliance";

    public static async Task<IResult> ShowAsync(string? at, int? horizon, string? customer, ComplianceService compliance, CancellationToken ct)
    {
        DateOnly? day = null;
        if (!string.IsNullOrWhiteSpace(at))
        {
            day = DateOnly.TryParseExact(at, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : throw new UserException($"at '{at}' is not a date in the form YYYY-MM-DD.");
        }

        var report = await compliance.RadarAsync(day, horizon, string.IsNullOrWhiteSpace(customer) ? null : customer, ct);
        return new HtmlPage("Compliance", "compliance.html", new
        {
            At = Date(report.At),
            report.HorizonDays,
            Customer = report.Customer ?? string.Empty,
            report.Applied,
            report.Scheduled,
            report.Exposed,
            report.NotEntitled,
            Changes = report.Changes.Select(c => new
            {
                c.Reference,
                c.Title,
                c.Status,
                Effective = Date(c.EffectiveDate),
                c.DaysLeft,
                c.Risk,
                c.Exposed,
                c.Applied,
                Installations = c.Installations.Select(i => new
                {
                    i.Installation,
                    i.Customer,
                    i.State,
                    Class = i.State switch { "applied" => "ok", "exposed" => "bad", _ => "muted" },
                    CustomerUrl = CustomerPage.Url(i.Customer),
                    Missing = string.Join(", ", i.Missing),
                }).ToList(),
            }).ToList(),
        });
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
