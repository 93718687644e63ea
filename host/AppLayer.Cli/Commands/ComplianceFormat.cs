using System.Globalization;
using System.Text;
using AppLayer.Protocol.Api;

namespace AppLayer.Cli.Commands;

/// <summary>The compliance radar as text: one line per legal change by risk, then who is exposed or scheduled.</summary>
public static class ComplianceFormat
{
    public static string Format(ComplianceReportDto report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var scope = report.Customer is null ? string.Empty : $" for {report.Customer}";
        text.Append(CultureInfo.InvariantCulture, $"Compliance radar{scope} on {report.At:yyyy-MM-dd} (warning horizon {report.HorizonDays} days): ")
            .Append(CultureInfo.InvariantCulture, $"{report.Exposed} exposed, {report.Scheduled} scheduled, {report.Applied} applied, {report.NotEntitled} not entitled")
            .AppendLine();
        if (report.Changes.Count == 0)
        {
            return text.AppendLine("No legal change to follow.").ToString();
        }

        var changes = new TextTable("risk", "reference", "effective", "days left", "status", "applied", "scheduled", "exposed", "title");
        foreach (var c in report.Changes)
        {
            changes.Add(Number(c.Risk), c.Reference, c.EffectiveDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Number(c.DaysLeft), c.Status, Number(c.Applied), Number(c.Scheduled), Number(c.Exposed), c.Title);
        }

        text.AppendLine().Append(changes);
        var rows = new TextTable("installation", "customer", "reference", "state", "update");
        foreach (var c in report.Changes)
        {
            foreach (var row in c.Installations.Where(r => r.State != "not-entitled"))
            {
                rows.Add(row.Installation, row.Customer, c.Reference, row.State, Update(row));
            }
        }

        return text.AppendLine().Append(rows).ToString();
    }

    private static string Update(ComplianceRowDto row) =>
        row.AppliedAt is { } at ? "applied " + at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : !row.UpdateAvailable ? "none published yet"
        : "missing " + string.Join(", ", row.Missing);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
