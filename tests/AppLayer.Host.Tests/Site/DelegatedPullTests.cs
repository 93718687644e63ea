using System.Net;
using System.Net.Http.Json;
using AppLayer.Core.Customers;
using AppLayer.Core.Keys;
using AppLayer.DemoIs;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Tuf;
using AppLayer.Sdk;
using AppLayer.Site;

namespace AppLayer.Host.Tests.Site;

/// <summary>
/// The real host and the real agent over loopback: a site pulls its customer's bespoke package
/// through the delegated role; another customer's site never asks for that role; a delegated role
/// changed on the host's disk is refused and nothing is downloaded.
/// </summary>
public sealed class DelegatedPullTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("applayer-delegated-").FullName;
    private RunningHost _host = null!;
    private CountingProxy _proxy = null!;
    private HttpClient _manager = null!;

    private string Data => Path.Combine(_root, "data");

    public async Task InitializeAsync()
    {
        var publishKey = (await AppLayerHost.CreateKeyAsync(Data, KeyScope.Publish, null, null)).Key;
        var managerKey = (await AppLayerHost.CreateKeyAsync(Data, KeyScope.Manager, null, null)).Key;
        _host = await AppLayerHost.StartAsync(new AppLayerHostOptions { DataDirectory = Data, Urls = "http://127.0.0.1:0" });
        _proxy = await CountingProxy.StartAsync(_host.BaseAddress);
        _manager = Client(managerKey);
        await _manager.CoveredCustomerAsync("novak", "accounting");
        await _manager.CoveredCustomerAsync("dvorak", "accounting");
        using var publisher = Client(publishKey);
        (await publisher.PushAsync(TestPackages.Update("Cz.Vat2024", "1.0.0", "accounting"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var bespoke = TestPackages.Manifest("Novak.SalaryFix", "1.0.0", "accounting") with { Kind = UpdateKind.DataFix, Customer = "novak" };
        (await publisher.PushAsync(TestPackages.Build("Novak.SalaryFix", "1.0.0", bespoke.ToJson()))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    public async Task DisposeAsync()
    {
        _manager.Dispose();
        await _proxy.DisposeAsync();
        await _host.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task A_site_pulls_its_bespoke_package_through_its_customers_role_and_another_customers_site_never_reads_that_role()
    {
        var novak = await EnrolledAsync("novak");
        var dvorak = await EnrolledAsync("dvorak");

        var novakPull = await new SiteAgent(novak, Options()).PullAsync();
        var dvorakPull = await new SiteAgent(dvorak, Options()).PullAsync();

        (novakPull.Listed, novakPull.Downloaded).ShouldBe((2, 2));
        (dvorakPull.Listed, dvorakPull.Downloaded).ShouldBe((1, 1));
        _proxy.Exchanges.Where(e => e.Path.StartsWith("/tuf/customer-", StringComparison.Ordinal)).Select(e => $"{e.Path} {e.Status}").ShouldBe(["/tuf/customer-novak.json 200"]);
        File.Exists(Path.Combine(SitePaths.For(novak).Trust, "customer-novak.json")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_delegated_role_changed_on_the_hosts_disk_is_refused_and_nothing_is_downloaded()
    {
        var novak = await EnrolledAsync("novak");
        var role = Path.Combine(Data, "tuf", "customer-novak.json");
        var document = TufDocument.Parse(await File.ReadAllBytesAsync(role), TufRoles.Targets);
        using var attacker = TufSigningKey.Generate();
        var forged = TufDocument.Create(TufRoles.Targets, document.Version, document.Expires, (System.Text.Json.Nodes.JsonObject)document.Signed.DeepClone(), [attacker]);
        await File.WriteAllBytesAsync(role, forged.ToBytes());

        var error = await Should.ThrowAsync<TufException>(() => new SiteAgent(novak, Options()).PullAsync());

        error.Message.ShouldContain("customer-novak.json");
        Directory.Exists(SitePaths.For(novak).Packages).ShouldBeFalse();
        File.Exists(Path.Combine(SitePaths.For(novak).Trust, "customer-novak.json")).ShouldBeFalse();
    }

    private static SiteAgentOptions Options() => new() { Output = TextWriter.Null, HostTimeout = TimeSpan.FromSeconds(30) };

    private async Task<string> EnrolledAsync(string customer)
    {
        using var response = await _manager.PostAsync(new Uri($"/api/installations/{customer}-prod/keys", UriKind.Relative), null);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var key = (await response.Content.ReadFromJsonAsync<CreatedKeyDto>())!.Key;
        var database = Path.Combine(_root, customer + ".db");
        await DemoIsDatabase.CreateAsync(database);
        await new SiteAgent(database, Options()).EnrollAsync(_proxy.Url.AbsoluteUri, key, null, null);
        return database;
    }

    private HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = _host.BaseAddress };
        client.DefaultRequestHeaders.Add("X-NuGet-ApiKey", key);
        return client;
    }
}
