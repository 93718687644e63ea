using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AppLayer.Core.Keys;
using AppLayer.Host.Tests.History;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;

namespace AppLayer.Host.Tests.Dashboard;

/// <summary>The customer page's timeline filter offers every kind the host writes, the release gate's included.</summary>
public sealed partial class TimelineKindsTests : HistoryScenario
{
    [Fact]
    public async Task The_kind_filter_lists_every_kind_and_finds_a_real_rehearsal_and_approval()
    {
        await Manager.PostJsonAsync<ReleaseGateDto>("/api/gates", new GateReleaseRequest("Cz.Vat2024", "1.0.0"));
        using (var site = Host.Client(await Host.KeyAsync(KeyScope.Site, "novak-test")))
        using (var rehearsed = await site.PostAsJsonAsync("/api/site/rehearsals", new RehearsalReportDto("r1", "Cz.Vat2024", "1.0.0", true, "passed on a copy", null, At(2024, 4, 1))))
        {
            rehearsed.StatusCode.ShouldBe(HttpStatusCode.Created, await rehearsed.Content.ReadAsStringAsync());
        }

        await Manager.PostJsonAsync<ReleaseGateDto>("/api/gates/Cz.Vat2024/1.0.0/approvals", new ApproveReleaseRequest("novak-test"), HttpStatusCode.OK);
        using var client = await Host.SignInAsync(await Host.KeyAsync(KeyScope.Manager));

        var (status, body) = await client.PageAsync("/dashboard/customers/novak?kind=update-approved");

        status.ShouldBe(HttpStatusCode.OK);
        var select = body[body.IndexOf("id=\"filter-kind\"", StringComparison.Ordinal)..];
        Option().Matches(select[..select.IndexOf("</select>", StringComparison.Ordinal)]).Select(m => m.Groups[1].Value).ShouldBe(
            ["", "legal-change", "update-applied", "update-failed", "update-rolled-back", "hold-released", "update-rehearsed", "update-approved", "rollout-halted", "rollout-resumed", "rollout-aborted"]);
        body.ShouldContain("<option value=\"update-approved\" selected>");
        body.Split("<tr class=\"event\">").Length.ShouldBe(2);
        (await client.PageAsync("/dashboard/customers/novak?kind=update-rehearsed")).Body.Split("<tr class=\"event\">").Length.ShouldBe(2);
    }

    [GeneratedRegex("<option value=\"([^\"]*)\"")]
    private static partial Regex Option();
}
