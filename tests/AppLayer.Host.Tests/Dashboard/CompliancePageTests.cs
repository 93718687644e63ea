using System.Net;
using AppLayer.Core.Keys;
using AppLayer.Host.Tests.History;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;

namespace AppLayer.Host.Tests.Dashboard;

/// <summary>The radar page over the history scenario plus a change no update serves yet: one row per change, counts, bar, expansion.</summary>
public sealed class CompliancePageTests : HistoryScenario
{
    protected override async Task SeededAsync() =>
        await Manager.PostJsonAsync<LegalChangeDto>("/api/legal-changes", new CreateLegalChangeRequest("Act No. 1/2024 Coll.", "E-invoicing", "CZ", "accounting", new DateOnly(2024, 2, 1), ["accounting"]));

    private async Task<string> PageAsync(string path)
    {
        using var dashboard = await Host.SignInAsync(await Host.KeyAsync(KeyScope.Manager));
        var (status, body) = await dashboard.PageAsync(path);
        status.ShouldBe(HttpStatusCode.OK, body);
        return body;
    }

    [Fact]
    public async Task Shows_one_row_per_change_with_counts_a_bar_and_no_update_published_yet()
    {
        var body = await PageAsync("/dashboard/compliance?at=2024-01-25");

        (body.Split("<tr class=\"change\"").Length - 1).ShouldBe(3);
        body.ShouldContain("class=\"progress");
        body.ShouldContain("1/3 (33 %)"); // VAT: novak-prod applied; novak-test failed, horak-prod not yet
        body.ShouldContain("no update published yet");
        body.ShouldContain("in effect for 24 day(s)");
    }

    [Fact]
    public async Task Expands_a_change_to_its_installations_exposed_first_and_keeps_the_what_if_date()
    {
        var radar = await Manager.GetJsonAsync<ComplianceReportDto>("/api/compliance?at=2024-01-25");
        var vat = radar.Changes.Single(c => c.Reference == "Act No. 349/2023 Coll.");

        var body = await PageAsync($"/dashboard/compliance?at=2024-01-25&change={vat.Id}");
        var rows = body[body.IndexOf($"id=\"change-{vat.Id}\"", StringComparison.Ordinal)..];
        rows = rows[..rows.IndexOf("</table>", StringComparison.Ordinal)];

        body.ShouldContain("value=\"2024-01-25\"");
        body.ShouldContain("Collapse");
        rows.IndexOf("exposed", StringComparison.Ordinal).ShouldBeLessThan(rows.IndexOf(">applied<", StringComparison.Ordinal));
        rows.ShouldContain("novak-prod");
        body.ShouldContain("at=2024-01-25&amp;horizon=30");
    }

    [Fact]
    public async Task An_unknown_change_is_a_404_page()
    {
        using var dashboard = await Host.SignInAsync(await Host.KeyAsync(KeyScope.Manager));

        var (status, body) = await dashboard.PageAsync("/dashboard/compliance?change=999");

        status.ShouldBe(HttpStatusCode.NotFound);
        body.ShouldContain("Legal change 999 is not on the radar.");
    }

    [Fact]
    public async Task The_customer_page_chart_has_labelled_axes_and_reads_at_1400_pixels()
    {
        var body = await PageAsync("/dashboard/customers/novak");
        var svg = body[body.IndexOf("<svg class=\"chart\"", StringComparison.Ordinal)..];
        svg = svg[..(svg.IndexOf("</svg>", StringComparison.Ordinal) + 6)];

        svg.ShouldContain("width=\"900\"");
        svg.ShouldContain("<text class=\"axis\"");
        svg.ShouldContain(">updates</text>");
        svg.ShouldContain(">month</text>");
        svg.ShouldContain(">2024-01</text>");
        (svg.Split("<rect class=\"bar\"").Length - 1).ShouldBe(3); // January to March 2024, February with none
    }
}
