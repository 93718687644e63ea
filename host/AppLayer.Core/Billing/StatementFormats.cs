using System.Globalization;
using System.Net;
using System.Text;
using AppLayer.Core.Customers;
using AppLayer.Protocol.Api;

namespace AppLayer.Core.Billing;

/// <summary>A statement as CSV (invariant numbers, one line per item and the totals) or as a standalone HTML page.</summary>
public static class StatementFormats
{
    public static string Money(decimal value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture).Replace(',', ' ') + " CZK";

    public static string Hours(int minutes) => (minutes / 60m).ToString("0.00", CultureInfo.InvariantCulture);

    public static string Csv(StatementDto statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var csv = new StringBuilder("date,reference,description,billing,minutes,billed_minutes,included_minutes,rate,amount\n");
        foreach (var l in statement.Lines)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{l.Date:yyyy-MM-dd},{Field(l.Reference)},{Field(l.Description)},{l.Billing},{l.Minutes},{l.BilledMinutes},{l.IncludedMinutes},{l.Rate:0.00},{l.Amount:0.00}\n");
        }

        csv.Append(CultureInfo.InvariantCulture, $",,total without VAT,,,,,,{statement.Net:0.00}\n");
        csv.Append(CultureInfo.InvariantCulture, $",,VAT {statement.VatRate * 100:0} %,,,,,,{statement.Vat:0.00}\n");
        csv.Append(CultureInfo.InvariantCulture, $",,total with VAT,,,,,,{statement.Total:0.00}\n");
        return csv.ToString();
    }

    public static string Html(StatementDto statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Statement {E(statement.Customer)} {E(statement.Month)}</title>
            <style>body{"{"}font-family:sans-serif{"}"} td,th{"{"}padding:2px 8px;text-align:left{"}"} td.n{"{"}text-align:right{"}"}</style></head>
            <body><h1>Statement {E(statement.Month)}: {E(statement.Name)} ({E(statement.Customer)})</h1>
            <p>Covered work {Hours(statement.CoveredMinutes)} h; included hours {Hours(statement.IncludedMinutesUsed)} of {Hours(statement.IncludedMinutes)} h used.</p>
            <table><thead><tr><th>date</th><th>reference</th><th>description</th><th>billing</th><th>minutes</th><th>billed</th><th>included</th><th>rate</th><th>amount</th></tr></thead><tbody>

            """);
        foreach (var l in statement.Lines)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{l.Date:yyyy-MM-dd}</td><td>{E(l.Reference)}</td><td>{E(l.Description)}</td><td>{l.Billing}</td><td class=\"n\">{l.Minutes}</td><td class=\"n\">{l.BilledMinutes}</td><td class=\"n\">{l.IncludedMinutes}</td><td class=\"n\">{Money(l.Rate)}</td><td class=\"n\">{Money(l.Amount)}</td></tr>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            </tbody><tfoot>
            <tr><th colspan="8">Total without VAT</th><td class="n">{Money(statement.Net)}</td></tr>
            <tr><th colspan="8">VAT {statement.VatRate * 100:0} %</th><td class="n">{Money(statement.Vat)}</td></tr>
            <tr><th colspan="8">Total with VAT</th><td class="n">{Money(statement.Total)}</td></tr>
            </tfoot></table></body></html>

            """);
        return html.ToString();
    }

    private static string Field(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
