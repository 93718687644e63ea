using System.Net;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;

namespace AppLayer.Host.Tests.History;

public sealed class ExportTests : HistoryScenario
{
    private async Task<(HttpResponseMessage Response, string Body)> ExportAsync(string query)
    {
        var response = await Manager.GetAsync(new Uri("/api/customers/novak/history/export" + query, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Csv_has_a_header_and_one_row_per_matching_event_as_an_attachment()
    {
        var (response, body) = await ExportAsync("?format=csv&installation=novak-prod");

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe("history-novak.csv");
        var lines = body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("at,kind,installation,subject,detail,modules,legal_references");
        lines.Skip(1).ShouldBe(
        [
            "2024-01-20T10:00:00Z,update-applied,novak-prod,Cz.Vat2024 1.0.0,Title of Cz.Vat2024 (Act No. 349/2023 Coll.),accounting,Act No. 349/2023 Coll.",
            "2024-03-05T10:00:00Z,update-applied,novak-prod,Cz.MinimumWage2025 1.0.0,Title of Cz.MinimumWage2025 (Government Regulation No. 286/2024 Coll.),payroll,Government Regulation No. 286/2024 Coll.",
        ]);
    }

    [Fact]
    public async Task Markdown_is_a_table_with_the_filters_named()
    {
        var (_, body) = await ExportAsync("?format=markdown&kind=update-failed");

        body.ShouldStartWith("# Change history of novak s.r.o. (novak)");
        body.ShouldContain("Filters: kind: update-failed.", Case.Sensitive);
        body.ShouldContain("| 2024-02-01 10:00 | update-failed | novak-test | Cz.Vat2024 1.0.0 | table locked |");
    }

    [Fact]
    public async Task Html_is_a_whole_document_with_a_row_per_event()
    {
        var (response, body) = await ExportAsync("?format=html&module=payroll");

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        body.ShouldStartWith("<!DOCTYPE html>");
        body.Split("<tr><td>").Length.ShouldBe(3);
        body.ShouldContain("<td>Cz.MinimumWage2025 1.0.0</td>");
    }

    [Fact]
    public async Task Json_reads_back_as_the_same_events_as_the_api()
    {
        var (_, body) = await ExportAsync("?format=json");

        var events = System.Text.Json.JsonSerializer.Deserialize<HistoryEventDto[]>(body, HttpExtensions.Json)!;
        events.Select(e => e.Id).ShouldBe((await HistoryAsync()).Select(e => e.Id));
    }

    [Fact]
    public async Task The_customer_changelog_lists_only_what_its_installations_applied_and_bespoke_updates()
    {
        var novak = await Manager.GetStringAsync(new Uri("/api/customers/novak/changelog", UriKind.Relative));
        var horak = await Manager.GetStringAsync(new Uri("/api/customers/horak/changelog", UriKind.Relative));

        novak.ShouldContain("## 2025.1");
        novak.ShouldContain("Cz.MinimumWage2025 1.0.0");
        novak.ShouldContain("Applied: novak-prod 2024-01-20.", Case.Sensitive);
        novak.ShouldContain("## Outside releases");
        novak.ShouldContain("**Title of Novak.Report** (Novak.Report 1.0.0, Feature)");
        horak.ShouldContain("Nothing applied yet.");
        horak.ShouldNotContain("2025.1");
    }
}
