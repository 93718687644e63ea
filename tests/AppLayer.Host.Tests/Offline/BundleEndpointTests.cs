using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AppLayer.Core.Customers;
using AppLayer.Core.Keys;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;
using AppLayer.Sdk;

namespace AppLayer.Host.Tests.Offline;

/// <summary><c>GET /api/customers/{code}/bundle</c> and <c>POST /api/reports/import</c>: what a bundle holds, and who may ask.</summary>
public sealed class BundleEndpointTests : IAsyncLifetime
{
    private readonly HostFactory _host = new();
    private HttpClient _manager = null!;

    public async Task InitializeAsync()
    {
        _manager = await _host.ManagerAsync();
        await _manager.CoveredCustomerAsync("novak", "accounting");
        await _manager.CoveredCustomerAsync("horak", "accounting");
        using var publisher = await _host.PublisherAsync();
        (await publisher.PushAsync(TestPackages.Update("Cz.Vat2024", "1.0.0", "accounting"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await publisher.PushAsync(TestPackages.Update("Cz.MinimumWage2025", "1.0.0", "payroll"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        foreach (var customer in new[] { "novak", "horak" })
        {
            var id = char.ToUpperInvariant(customer[0]) + customer[1..] + ".SalaryFix";
            var bespoke = TestPackages.Manifest(id, "1.0.0", "accounting") with { Kind = UpdateKind.DataFix, Customer = customer, LegalReferences = [] };
            (await publisher.PushAsync(TestPackages.Build(id, "1.0.0", bespoke.ToJson()))).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
    }

    public async Task DisposeAsync()
    {
        _manager.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Holds_the_signed_metadata_the_listing_and_the_packages_of_that_customer_only()
    {
        using var response = await _manager.GetAsync(new Uri("/api/customers/novak/bundle", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));

        zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ShouldBe(
        [
            "bundle.json",
            "listings/novak-prod.json",
            "packages/cz.vat2024.1.0.0.nupkg",
            "packages/novak.salaryfix.1.0.0.nupkg",
            "tuf/1.root.json",
            "tuf/customer-novak.json",
            "tuf/snapshot.json",
            "tuf/targets.json",
            "tuf/timestamp.json",
        ]);
        var listing = JsonSerializer.Deserialize<AvailableUpdateDto[]>(zip.GetEntry("listings/novak-prod.json")!.Open(), JsonSerializerOptions.Web)!;
        listing.Select(u => u.Id).ShouldBe(["Cz.Vat2024", "Novak.SalaryFix"]);
        using var site = _host.Client(await _host.KeyAsync(KeyScope.Site, "novak-prod"));
        JsonSerializer.Serialize(await site.GetFromJsonAsync<AvailableUpdateDto[]>(new Uri("/api/site/updates", UriKind.Relative))).ShouldBe(JsonSerializer.Serialize(listing));
        var manifest = JsonSerializer.Deserialize<OfflineBundleManifest>(zip.GetEntry("bundle.json")!.Open(), JsonSerializerOptions.Web)!;
        manifest.Customer.ShouldBe("novak");
        manifest.Metadata.ShouldBe(["1.root.json", "timestamp.json", "snapshot.json", "targets.json", "customer-novak.json"]);
    }

    [Fact]
    public async Task Needs_a_manager_key_and_a_known_customer()
    {
        using var site = _host.Client(await _host.KeyAsync(KeyScope.Site, "novak-prod"));

        (await site.GetAsync(new Uri("/api/customers/novak/bundle", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _manager.GetAsync(new Uri("/api/customers/nobody/bundle", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_site_key_imports_its_own_reports_once_and_not_another_installations()
    {
        var report = new DeploymentReportDto("r-1", "Cz.Vat2024", "1.0.0", "applied", "ok", null, _host.Time.GetUtcNow());
        using var novak = _host.Client(await _host.KeyAsync(KeyScope.Site, "novak-prod"));

        var first = await (await novak.PostAsJsonAsync("/api/reports/import", new ReportExportDto(1, "novak-prod", "novak", _host.Time.GetUtcNow(), [report]))).Content.ReadFromJsonAsync<ReportImportResultDto>();
        var again = await (await novak.PostAsJsonAsync("/api/reports/import", new ReportExportDto(1, "novak-prod", "novak", _host.Time.GetUtcNow(), [report]))).Content.ReadFromJsonAsync<ReportImportResultDto>();
        using var other = await novak.PostAsJsonAsync("/api/reports/import", new ReportExportDto(1, "horak-prod", "horak", _host.Time.GetUtcNow(), [report with { ReportId = "r-2" }]));
        using var unknown = await _manager.PostAsJsonAsync("/api/reports/import", new ReportExportDto(1, "novak-prod", "novak", _host.Time.GetUtcNow(), [report with { ReportId = "r-3" }, report with { ReportId = "r-4", PackageId = "No.Such" }]));

        first.ShouldBe(new ReportImportResultDto("novak-prod", 1, 0));
        again.ShouldBe(new ReportImportResultDto("novak-prod", 0, 1));
        other.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _host.CountAsync("deployments")).ShouldBe(1);
    }
}
