using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using AppLayer.Core.Agreements;
using AppLayer.Core.Keys;
using AppLayer.Host;
using AppLayer.Protocol.Api;
using AppLayer.Sdk;
using NuGet.Packaging;
using NuGet.Versioning;

namespace AppLayer.Browser.Tests;

/// <summary>
/// The real host on 127.0.0.1 (a free port) with a fresh data folder, filled through its own API:
/// novak (two installations, an update applied, one failed) and horak, two legal changes, a release, a
/// Help Desk ticket, and Plzeňská teplárenská with enough installations for a fleet of <see cref="Installations"/>.
/// </summary>
public sealed class SeededHost : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("applayer-browser-").FullName;
    private RunningHost? _host;

    public Uri BaseAddress => _host!.BaseAddress;

    public string ManagerKey { get; private set; } = string.Empty;

    public string NovakContactKey { get; private set; } = string.Empty;

    /// <summary>The fleet's size: novak's two, horak's one and Plzeňská teplárenská's the rest.</summary>
    public const int Installations = 2_000;

    public async Task InitializeAsync()
    {
        ManagerKey = (await AppLayerHost.CreateKeyAsync(_data, KeyScope.Manager, null, null)).Key;
        var publishKey = (await AppLayerHost.CreateKeyAsync(_data, KeyScope.Publish, null, null)).Key;
        _host = await AppLayerHost.StartAsync(new AppLayerHostOptions { DataDirectory = _data, Urls = "http://127.0.0.1:0" });

        using var manager = Client(ManagerKey);
        await CustomerAsync(manager, "novak", "Novák Strojírny s.r.o.", ("novak-prod", "Strojírny Novák, Jihlava"), ("novak-test", "Zkušební prostředí"));
        await CustomerAsync(manager, "horak", "Horák Logistika a.s.", ("horak-prod", "Horák Logistika, Brno"));
        await PostAsync(manager, "api/legal-changes", new CreateLegalChangeRequest("Act No. 349/2023 Coll.", "VAT: reduced rates merged into 12 %", "CZ", "tax", new DateOnly(2024, 1, 1), ["accounting"]));
        await PostAsync(manager, "api/legal-changes", new CreateLegalChangeRequest("Government Regulation No. 286/2024 Coll.", "Minimum wage CZK 20,800", "CZ", "payroll", new DateOnly(2025, 1, 1), ["payroll"]));

        using (var publisher = Client(publishKey))
        {
            await PushAsync(publisher, Package("Cz.Vat2024", "VAT rates merged into 12 %", ["Act No. 349/2023 Coll."], ["accounting"]));
            await PushAsync(publisher, Package("Cz.MinimumWage2025", "Minimum wage 2025", ["Government Regulation No. 286/2024 Coll."], ["payroll"]));
        }

        await PostAsync(manager, "api/releases", new CreateReleaseRequest("2025.1", ["Cz.Vat2024@1.0.0", "Cz.MinimumWage2025@1.0.0"]));
        var at = new DateTimeOffset(2024, 1, 20, 10, 0, 0, TimeSpan.Zero);
        await ReportAsync(manager, "novak-prod", "Cz.Vat2024", "applied", at);
        await ReportAsync(manager, "novak-prod", "Cz.MinimumWage2025", "applied", at.AddMonths(2));
        await ReportAsync(manager, "novak-test", "Cz.Vat2024", "failed", at.AddDays(3));
        await ReportAsync(manager, "horak-prod", "Cz.Vat2024", "applied", at.AddDays(1));
        NovakContactKey = (await PostAsync<CreatedKeyDto>(manager, "api/customers/novak/contact-keys", new { })).Key;
        await PostAsync(manager, "api/tickets", new OpenTicketRequest("novak", "Export of the VAT ledger fails", "The export stops at 80 %."));

        // The rest of the fleet: production-only sites without application-layer support, so they are up to date.
        await PostAsync(manager, "api/customers", new CreateCustomerRequest("plzen-tep", "Plzeňská teplárenská a.s."));
        var sites = Enumerable.Range(1, Installations - 3).Select(i => i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
        await Parallel.ForEachAsync(sites, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (n, ct) =>
            await PostAsync(manager, "api/customers/plzen-tep/installations", new CreateInstallationRequest($"plzen-{n}", $"Teplárna Plzeň {n}", n.EndsWith('7') ? "5.3.0" : "5.2.0", ["production"], null)));
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans the temp folder later
        }
    }

    /// <summary>A client of the JSON API with the manager's key, to compare the pages with what the host stores.</summary>
    public HttpClient ManagerClient() => Client(ManagerKey);

    private HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("X-NuGet-ApiKey", key);
        return client;
    }

    private static async Task CustomerAsync(HttpClient manager, string code, string name, params (string Code, string Name)[] sites)
    {
        await PostAsync(manager, "api/customers", new CreateCustomerRequest(code, name));
        using var agreement = await manager.PutAsJsonAsync($"api/customers/{code}/agreement", new SetAgreementRequest([Agreement.ApplicationLayer, ServiceNames.HelpDesk], ["accounting", "payroll"]));
        agreement.EnsureSuccessStatusCode();
        foreach (var (site, siteName) in sites)
        {
            await PostAsync(manager, $"api/customers/{code}/installations", new CreateInstallationRequest(site, siteName, "5.2.0", ["accounting", "payroll"], null));
        }
    }

    private async Task ReportAsync(HttpClient manager, string installation, string package, string status, DateTimeOffset at)
    {
        var key = await PostAsync<CreatedKeyDto>(manager, $"api/installations/{installation}/keys", new { });
        using var site = Client(key.Key);
        await PostAsync(site, "api/site/reports", new DeploymentReportDto($"{installation}-{package}", package, "1.0.0", status, status == "failed" ? "step 2 of 3 failed: table locked" : "ok", null, at));
    }

    private static async Task PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }

    private static async Task<T> PostAsync<T>(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    private static async Task PushAsync(HttpClient publisher, byte[] package)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(package);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "package", "package.nupkg");
        using var response = await publisher.PutAsync("api/v2/package", content);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }

    private static byte[] Package(string id, string title, string[] legal, string[] modules)
    {
        var manifest = new UpdateManifest
        {
            Id = id,
            Version = "1.0.0",
            Kind = UpdateKind.Legislative,
            Title = title,
            LegalReferences = legal,
            EffectiveDate = new DateOnly(2024, 1, 1),
            Modules = modules,
        };
        var builder = new PackageBuilder { Id = id, Version = NuGetVersion.Parse("1.0.0"), Description = title };
        builder.Authors.Add("AppLayer browser tests");
        builder.Files.Add(new PhysicalPackageFile(new MemoryStream(Encoding.UTF8.GetBytes(manifest.ToJson()))) { TargetPath = UpdateManifest.FileName });
        // The feed refuses an update package without its plugin assembly; this one is never run.
        builder.Files.Add(new PhysicalPackageFile(new MemoryStream("not a real assembly"u8.ToArray())) { TargetPath = $"lib/net10.0/{id}.dll" });
        using var stream = new MemoryStream();
        builder.Save(stream);
        return stream.ToArray();
    }
}
