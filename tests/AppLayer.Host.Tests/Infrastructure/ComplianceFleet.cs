using System.Net;
using System.Net.Http.Json;
using AppLayer.Core.Installations;
using AppLayer.Core.Keys;
using AppLayer.Protocol.Api;
using AppLayer.Sdk;

namespace AppLayer.Host.Tests.Infrastructure;

/// <summary>
/// A fleet in different states, built through the API on a host whose clock says 2024-01-15:
/// the VAT change (effective 2024-01-01, accounting) and the minimum wage change (effective
/// 2025-01-01, payroll), both packages published on 2024-01-15; novak-prod (accounting) applied
/// the VAT update on 2024-01-20; horak-prod (accounting, payroll) applied nothing; dvorak-prod
/// (payroll) applied nothing; uncovered-prod has both modules but no application-layer support.
/// </summary>
public static class ComplianceFleet
{
    public const string Vat = "Act No. 349/2023 Coll.";
    public const string Wage = "Government Regulation No. 286/2024 Coll.";

    public static readonly DateTimeOffset NovakAppliedAt = new(2024, 1, 20, 10, 0, 0, TimeSpan.Zero);

    public static async Task<(long VatId, long WageId)> BuildAsync(HostFactory host, HttpClient manager)
    {
        await manager.CoveredCustomerAsync("novak", "accounting");
        await manager.CoveredCustomerAsync("horak", "accounting", "payroll");
        await manager.CoveredCustomerAsync("dvorak", "payroll");
        await manager.CustomerWithInstallationAsync("uncovered", "uncovered-prod", ["help-desk"], ["accounting", "payroll"]);

        var vat = await manager.PostJsonAsync<LegalChangeDto>(
            "/api/legal-changes",
            new CreateLegalChangeRequest(Vat, "VAT reduced rates merged into 12 %", "CZ", "tax", new DateOnly(2024, 1, 1), ["accounting"]));
        var wage = await manager.PostJsonAsync<LegalChangeDto>(
            "/api/legal-changes",
            new CreateLegalChangeRequest(Wage, "Minimum wage CZK 20,800", "CZ", "payroll", new DateOnly(2025, 1, 1), ["payroll"]));

        using var publisher = await host.PublisherAsync();
        await PushAsync(publisher, "Cz.Vat2024", Vat, "accounting");
        await PushAsync(publisher, "Cz.MinimumWage2025", Wage, "payroll");

        using var novak = host.Client(await host.KeyAsync(KeyScope.Site, "novak-prod"));
        using var report = await novak.PostAsJsonAsync(
            "/api/site/reports",
            new DeploymentReportDto("novak-vat", "Cz.Vat2024", "1.0.0", "applied", "ok", null, NovakAppliedAt));
        report.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (vat.Id, wage.Id);
    }

    public static async Task PushAsync(HttpClient publisher, string id, string reference, params string[] modules)
    {
        var manifest = TestPackages.Manifest(id, "1.0.0", modules) with { LegalReferences = [reference], Kind = UpdateKind.Legislative };
        using var response = await publisher.PushAsync(TestPackages.Build(id, "1.0.0", manifest.ToJson()));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    /// <summary>Each installation's state for the change, as "installation state".</summary>
    public static string[] States(this ComplianceChangeDto change) =>
        [.. change.Installations.Select(i => $"{i.Installation} {i.State}")];
}
