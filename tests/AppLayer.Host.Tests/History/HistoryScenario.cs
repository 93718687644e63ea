using System.Net;
using System.Net.Http.Json;
using AppLayer.Core.Agreements;
using AppLayer.Core.Keys;
using AppLayer.Host.Tests.Api;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;

namespace AppLayer.Host.Tests.History;

/// <summary>
/// novak (accounting, payroll; installations novak-prod and novak-test) and horak (accounting): two legal
/// changes, a release of two updates, novak-prod applies both (January and March), novak-test fails one,
/// and a bespoke update outside any release is applied at novak-test.
/// </summary>
public abstract class HistoryScenario : CustomerEndpointsTests.WithManager, IAsyncLifetime
{
    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await Manager.CustomerWithInstallationAsync("novak", "novak-prod", [Agreement.ApplicationLayer], ["accounting", "payroll"]);
        await Manager.PostJsonAsync<InstallationDto>("/api/customers/novak/installations", new CreateInstallationRequest("novak-test", "Test", "5.2.0", ["accounting", "payroll"], null));
        await Manager.CoveredCustomerAsync("horak", "accounting");
        await Manager.PostJsonAsync<LegalChangeDto>("/api/legal-changes", new CreateLegalChangeRequest("Act No. 349/2023 Coll.", "VAT rates merged", "CZ", "tax", new DateOnly(2024, 1, 1), ["accounting"]));
        await Manager.PostJsonAsync<LegalChangeDto>("/api/legal-changes", new CreateLegalChangeRequest("Government Regulation No. 286/2024 Coll.", "Minimum wage", "CZ", "payroll", new DateOnly(2025, 1, 1), ["payroll"]));

        using var publisher = await Host.PublisherAsync();
        await PushAsync(publisher, TestPackages.Update("Cz.Vat2024", "1.0.0", "accounting"));
        await PushAsync(publisher, TestPackages.Build("Cz.MinimumWage2025", "1.0.0", (TestPackages.Manifest("Cz.MinimumWage2025", "1.0.0", "payroll") with { LegalReferences = ["Government Regulation No. 286/2024 Coll."] }).ToJson()));
        await PushAsync(publisher, TestPackages.Build("Novak.Report", "1.0.0", (TestPackages.Manifest("Novak.Report", "1.0.0") with { Kind = AppLayer.Sdk.UpdateKind.Feature, LegalReferences = [] }).ToJson()));
        await Manager.PostJsonAsync<ReleaseDto>("/api/releases", new CreateReleaseRequest("2025.1", ["Cz.Vat2024@1.0.0", "Cz.MinimumWage2025@1.0.0"]));

        using var prod = Host.Client(await Host.KeyAsync(KeyScope.Site, "novak-prod"));
        using var test = Host.Client(await Host.KeyAsync(KeyScope.Site, "novak-test"));
        await ReportAsync(prod, "p1", "Cz.Vat2024", "applied", At(2024, 1, 20));
        await ReportAsync(prod, "p2", "Cz.MinimumWage2025", "applied", At(2024, 3, 5));
        await ReportAsync(test, "t1", "Cz.Vat2024", "failed", At(2024, 2, 1));
        await ReportAsync(test, "t2", "Novak.Report", "applied", At(2024, 2, 10));
        await SeededAsync();
    }

    /// <summary>More data a derived scenario adds after the common seed.</summary>
    protected virtual Task SeededAsync() => Task.CompletedTask;

    protected static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);

    protected async Task<HistoryEventDto[]> HistoryAsync(string query = "") =>
        await Manager.GetJsonAsync<HistoryEventDto[]>("/api/customers/novak/history" + query);

    private static async Task PushAsync(HttpClient publisher, byte[] package) =>
        (await publisher.PushAsync(package)).StatusCode.ShouldBe(HttpStatusCode.Created);

    private static async Task ReportAsync(HttpClient site, string id, string package, string status, DateTimeOffset at)
    {
        using var response = await site.PostAsJsonAsync("/api/site/reports", new DeploymentReportDto(id, package, "1.0.0", status, status == "failed" ? "table locked" : "ok", null, at));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
