using System.Net;
using System.Net.Http.Json;
using AppLayer.Host.Tests.Api;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;

namespace AppLayer.Host.Tests.SystemLayer;

/// <summary>The approval gate over the API: gate, rehearsal reports, approvals refused without a successful rehearsal.</summary>
public sealed class ReleaseGateEndpointsTests : SiteEndpointsTests.WithSite
{
    private static RehearsalReportDto Rehearsal(string id, bool succeeded, int minute) =>
        new(id, "Cz.Vat2024", "1.0", succeeded, succeeded ? "preflight, apply and verify passed" : "verify failed: VAT rate 15 % still present", null, new DateTimeOffset(2024, 1, 16, 10, minute, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_gated_update_is_rehearse_only_until_approved_and_approval_needs_a_successful_last_rehearsal()
    {
        await PushAsync("Cz.Vat2024", "1.0.0", "accounting");
        await PushAsync("Cz.Other", "1.0.0", "accounting");
        Manager.DefaultRequestHeaders.Add("X-AppLayer-User", "jana");

        var gate = await Manager.PostJsonAsync<ReleaseGateDto>("/api/gates", new GateReleaseRequest("cz.vat2024", "1.0"));
        (await Manager.PostJsonAsync<ReleaseGateDto>("/api/gates", new GateReleaseRequest("Cz.Vat2024", "1.0.0"), HttpStatusCode.OK)).GatedAt.ShouldBe(gate.GatedAt);

        gate.ShouldSatisfyAllConditions(
            g => (g.PackageId, g.Version).ShouldBe(("Cz.Vat2024", "1.0.0")),
            g => g.Installations.Single().ShouldBe(new GateInstallationDto("novak-prod", "novak", null, null, null)));
        (await Site.GetJsonAsync<AvailableUpdateDto[]>("/api/site/updates")).Select(u => $"{u.Id} {u.Gate ?? "-"}").ShouldBe(["Cz.Other -", "Cz.Vat2024 rehearse-only"]);
        (await Site.GetJsonAsync<SiteGateDto>("/api/site/gates/cz.vat2024/1.0")).ShouldBe(new SiteGateDto("Cz.Vat2024", "1.0.0", true, false));
        (await Site.GetJsonAsync<SiteGateDto>("/api/site/gates/Cz.Other/1.0.0")).Gated.ShouldBeFalse();

        var none = await (await Manager.PostAsJsonAsync("/api/gates/Cz.Vat2024/1.0.0/approvals", new ApproveReleaseRequest("novak-prod"))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        none.ShouldBe("Cz.Vat2024 1.0.0 cannot be approved for novak-prod: the site has not reported a rehearsal of it yet (its next site run rehearses it).");

        (await Site.PostAsJsonAsync("/api/site/rehearsals", Rehearsal("reh-1", false, 0))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var failed = await (await Manager.PostAsJsonAsync("/api/gates/Cz.Vat2024/1.0.0/approvals", new ApproveReleaseRequest("novak-prod"))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        failed.ShouldBe("Cz.Vat2024 1.0.0 cannot be approved for novak-prod: its last rehearsal failed (verify failed: VAT rate 15 % still present).");
        (await (await Manager.PostAsJsonAsync("/api/gates/Cz.Vat2024/1.0.0/approvals", new ApproveReleaseRequest(null, AllRehearsed: true))).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .ShouldContain("no installation has reported a successful rehearsal");
        (await Host.CountAsync("gate_approvals")).ShouldBe(0);

        (await Site.PostAsJsonAsync("/api/site/rehearsals", Rehearsal("reh-2", true, 5))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Site.PostAsJsonAsync("/api/site/rehearsals", Rehearsal("reh-2", true, 5))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var approved = await Manager.PostJsonAsync<ReleaseGateDto>("/api/gates/Cz.Vat2024/1.0.0/approvals", new ApproveReleaseRequest(null, AllRehearsed: true), HttpStatusCode.OK);
        (await Manager.PostJsonAsync<ReleaseGateDto>("/api/gates/Cz.Vat2024/1.0.0/approvals", new ApproveReleaseRequest("novak-prod"), HttpStatusCode.OK)).ShouldBeEquivalentTo(approved);

        var row = approved.Installations.Single();
        row.LastRehearsal!.ReportId.ShouldBe("reh-2");
        row.ApprovedAt.ShouldBe(Host.Time.GetUtcNow());
        row.ApprovedBy!.ShouldStartWith("jana (manager key #");
        (await Host.CountAsync("rehearsal_reports")).ShouldBe(2);
        (await Site.GetJsonAsync<AvailableUpdateDto[]>("/api/site/updates")).Single(u => u.Id == "Cz.Vat2024").Gate.ShouldBe("approved");
        (await Site.GetJsonAsync<SiteGateDto>("/api/site/gates/Cz.Vat2024/1.0.0")).Approved.ShouldBeTrue();
        var history = await Manager.GetJsonAsync<HistoryEventDto[]>("/api/customers/novak/history?kind=update-rehearsed,update-approved");
        history.Select(h => $"{h.Kind} {h.Installation} {h.Subject}: {h.Detail}").ShouldBe([
            "update-approved novak-prod Cz.Vat2024 1.0.0: approved by " + row.ApprovedBy + " after the successful rehearsal of 2024-01-16 10:05 UTC (report reh-2)",
            "update-rehearsed novak-prod Cz.Vat2024 1.0.0: rehearsal failed: verify failed: VAT rate 15 % still present",
            "update-rehearsed novak-prod Cz.Vat2024 1.0.0: rehearsal succeeded: preflight, apply and verify passed",
        ]);
    }

    [Fact]
    public async Task Bad_gate_requests_are_answered_with_problems_and_change_nothing()
    {
        await PushAsync("Cz.Vat2024", "1.0.0", "accounting");

        (await (await Manager.PostAsJsonAsync("/api/gates", new GateReleaseRequest("Cz.Missing", "1.0.0"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain("Cz.Missing 1.0.0 is not an update in the feed");
        (await (await Manager.PostAsJsonAsync("/api/gates", new GateReleaseRequest("Cz.Vat2024", "one"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain("one");
        (await (await Manager.PostAsJsonAsync("/api/gates/Cz.Vat2024/1.0.0/approvals", new ApproveReleaseRequest("novak-prod"))).ShouldBeProblemAsync(HttpStatusCode.NotFound)).ShouldContain("not gated");
        await Manager.PostJsonAsync<ReleaseGateDto>("/api/gates", new GateReleaseRequest("Cz.Vat2024", "1.0.0"));
        (await (await Manager.PostAsJsonAsync("/api/gates/Cz.Vat2024/1.0.0/approvals", new ApproveReleaseRequest("novak-prod", AllRehearsed: true))).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain("not both or neither");
        (await (await Manager.PostAsJsonAsync("/api/gates/Cz.Vat2024/1.0.0/approvals", new ApproveReleaseRequest("nobody"))).ShouldBeProblemAsync(HttpStatusCode.NotFound)).ShouldContain("nobody");
        (await (await Site.PostAsJsonAsync("/api/site/rehearsals", Rehearsal("reh-1", true, 0) with { PackageId = "Cz.Missing" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain("Cz.Missing");
        (await Site.PostAsJsonAsync("/api/gates", new GateReleaseRequest("Cz.Vat2024", "1.0.0"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await Host.CountAsync("release_gates")).ShouldBe(1);
        (await Host.CountAsync("rehearsal_reports")).ShouldBe(0);
        (await Host.CountAsync("gate_approvals")).ShouldBe(0);
    }
}
