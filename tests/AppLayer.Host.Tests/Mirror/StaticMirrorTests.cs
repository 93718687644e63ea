using System.Net;
using System.Net.Http.Json;
using AppLayer.Core.Customers;
using AppLayer.Core.Keys;
using AppLayer.DemoIs;
using AppLayer.Host.Tests.Feed;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Tuf;
using AppLayer.Sdk;
using AppLayer.Site;

namespace AppLayer.Host.Tests.Mirror;

/// <summary>
/// <c>applayer feed export</c> served by a real nginx on loopback: NuGet.Protocol gets the same
/// answers as from the host, and a site agent pulls from it, trusting signatures, not the server;
/// what the copy cannot prove (changed bytes, a customer's role it does not carry, a push it missed)
/// is skipped alone, by name.
/// </summary>
public sealed class StaticMirrorTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("applayer-mirror-").FullName;
    private RunningHost _host = null!;
    private Nginx _nginx = null!;
    private string _publishKey = null!;
    private string _managerKey = null!;

    private string DataDirectory => Path.Combine(_root, "data");

    private string Export => Path.Combine(_root, "static");

    public async Task InitializeAsync()
    {
        _publishKey = (await AppLayerHost.CreateKeyAsync(DataDirectory, KeyScope.Publish, null, null)).Key;
        _managerKey = (await AppLayerHost.CreateKeyAsync(DataDirectory, KeyScope.Manager, null, null)).Key;
        _host = await AppLayerHost.StartAsync(new AppLayerHostOptions { DataDirectory = DataDirectory, Urls = "http://127.0.0.1:0" });
        using var publisher = Client(_publishKey);
        await NuGetProtocolTests.PublishSampleFeedAsync(publisher, FeedProbe.Repository(HostIndex, _publishKey), _publishKey);
        var port = Nginx.FreePort();
        (await FeedExport.ExportAsync(DataDirectory, Export, $"http://127.0.0.1:{port}/")).ShouldBe(4);
        _nginx = await Nginx.StartAsync(Export, port);
    }

    public async Task DisposeAsync()
    {
        await _nginx.DisposeAsync();
        await _host.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private string HostIndex => new Uri(_host.BaseAddress, "v3/index.json").AbsoluteUri;

    [Fact]
    public async Task NuGet_protocol_gets_the_same_metadata_versions_downloads_and_search_answers_from_nginx_as_from_the_host()
    {
        string[] ids = ["Cz.Vat2024", "Cz.MinimumWage2025"];

        var fromHost = await FeedProbe.DescribeAsync(FeedProbe.Repository(HostIndex, _managerKey), ids, FeedProbe.StaticSearches);
        var fromNginx = await FeedProbe.DescribeAsync(FeedProbe.Repository(_nginx.Url + "v3/index.json", null), ids, FeedProbe.StaticSearches);

        fromNginx.ShouldBe(fromHost);
        fromHost.ShouldContain("versions Cz.Vat2024: 1.0.0, 1.1.0, 2.0.0-beta.1");
        fromHost.ShouldContain("search 'vat' prerelease=True skip=0 take=20: Cz.Vat2024 2.0.0-beta.1 [1.0.0 2.0.0-beta.1]");
    }

    [Fact]
    public async Task A_site_pulls_from_nginx_and_skips_only_a_package_changed_on_the_mirror_naming_it()
    {
        var key = await SiteKeyAsync("novak");
        var trusted = await SiteAsync("trusted");
        await new SiteAgent(trusted, Options()).EnrollAsync(_host.BaseAddress.AbsoluteUri, key, null, _nginx.Url);

        var pulled = await new SiteAgent(trusted, Options()).PullAsync();

        pulled.Downloaded.ShouldBe(2);

        var nupkg = Path.Combine(Export, "v3", "flatcontainer", TufTargetPaths.For("cz.minimumwage2025", "1.0.0"));
        var bytes = await File.ReadAllBytesAsync(nupkg);
        bytes[^40] ^= 0xFF;
        await File.WriteAllBytesAsync(nupkg, bytes);
        var fooled = await SiteAsync("fooled");
        await new SiteAgent(fooled, Options()).EnrollAsync(_host.BaseAddress.AbsoluteUri, key, null, _nginx.Url);

        var partly = await new SiteAgent(fooled, Options()).PullAsync();

        partly.Downloaded.ShouldBe(1);
        var skipped = partly.Skipped.ShouldHaveSingleItem();
        (skipped.Id, skipped.Version).ShouldBe(("Cz.MinimumWage2025", "1.0.0"));
        skipped.Reason.ShouldContain("SHA-512");
        partly.ExitCode.ShouldBe(PullResult.PartlyExitCode);
        Directory.GetFiles(SitePaths.For(fooled).Packages, "*.nupkg").Select(Path.GetFileName).ShouldBe(["cz.vat2024.2.0.0-beta.1.nupkg"]);
    }

    [Fact]
    public async Task A_site_whose_customer_has_a_bespoke_package_takes_the_legislative_updates_from_the_generic_export_and_skips_only_the_bespoke_one()
    {
        var key = await SiteKeyAsync("novak");
        using (var publisher = Client(_publishKey))
        {
            var bespoke = TestPackages.Build("Novak.SalaryFix", "1.0.0", (TestPackages.Manifest("Novak.SalaryFix", "1.0.0", "accounting") with { Kind = UpdateKind.DataFix, Customer = "novak" }).ToJson());
            (await publisher.PushAsync(bespoke)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var port = Nginx.FreePort();
        var generic = Path.Combine(_root, "generic");
        await FeedExport.ExportAsync(DataDirectory, generic, $"http://127.0.0.1:{port}/");
        await using var nginx = await Nginx.StartAsync(generic, port);
        var site = await SiteAsync("bespoke");
        await new SiteAgent(site, Options()).EnrollAsync(_host.BaseAddress.AbsoluteUri, key, null, nginx.Url);

        var pulled = await new SiteAgent(site, Options()).PullAsync();

        pulled.Downloaded.ShouldBe(2);
        var skipped = pulled.Skipped.ShouldHaveSingleItem();
        skipped.Id.ShouldBe("Novak.SalaryFix");
        skipped.Reason.ShouldContain("customer-novak.json");
        pulled.ExitCode.ShouldBe(PullResult.PartlyExitCode);
    }

    [Fact]
    public async Task A_site_pulling_from_a_mirror_one_push_behind_the_host_takes_what_the_mirror_signs()
    {
        var key = await SiteKeyAsync("novak");
        using (var publisher = Client(_publishKey))
        {
            (await publisher.PushAsync(TestPackages.Update("Cz.Payroll2025", "1.0.0", "accounting"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var site = await SiteAsync("behind");
        await new SiteAgent(site, Options()).EnrollAsync(_host.BaseAddress.AbsoluteUri, key, null, _nginx.Url);

        var pulled = await new SiteAgent(site, Options()).PullAsync();

        pulled.Downloaded.ShouldBe(2);
        pulled.Skipped.ShouldHaveSingleItem().Id.ShouldBe("Cz.Payroll2025");
        pulled.ExitCode.ShouldBe(PullResult.PartlyExitCode);
    }

    private static SiteAgentOptions Options() => new() { Output = TextWriter.Null, HostTimeout = TimeSpan.FromSeconds(30) };

    private HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = _host.BaseAddress };
        client.DefaultRequestHeaders.Add("X-NuGet-ApiKey", key);
        return client;
    }

    private async Task<string> SiteKeyAsync(string customer)
    {
        using var manager = Client(_managerKey);
        await manager.CoveredCustomerAsync(customer, "accounting");
        using var response = await manager.PostAsync(new Uri($"/api/installations/{customer}-prod/keys", UriKind.Relative), null);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<CreatedKeyDto>())!.Key;
    }

    private async Task<string> SiteAsync(string name)
    {
        var path = Path.Combine(_root, name + ".db");
        await DemoIsDatabase.CreateAsync(path);
        return path;
    }
}
