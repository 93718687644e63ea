using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using AppLayer.Core.Keys;
using AppLayer.DemoIs;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;
using AppLayer.Site;

namespace AppLayer.Host.Tests.Site;

/// <summary>
/// The agent polls <c>/api/site/updates</c> with the ETag it stored: an unchanged listing is a
/// bodiless 304 on the wire (seen by a proxy between agent and host) and the agent uses its stored
/// listing; a changed one is a 200 with a new ETag.
/// </summary>
public sealed class UpdatesETagTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("applayer-etag-").FullName;
    private RunningHost _host = null!;
    private CountingProxy _proxy = null!;
    private HttpClient _publisher = null!;
    private HttpClient _manager = null!;

    public async Task InitializeAsync()
    {
        var data = Path.Combine(_root, "data");
        var publishKey = (await AppLayerHost.CreateKeyAsync(data, KeyScope.Publish, null, null)).Key;
        var managerKey = (await AppLayerHost.CreateKeyAsync(data, KeyScope.Manager, null, null)).Key;
        _host = await AppLayerHost.StartAsync(new AppLayerHostOptions { DataDirectory = data, Urls = "http://127.0.0.1:0" });
        _proxy = await CountingProxy.StartAsync(_host.BaseAddress);
        _publisher = Client(publishKey);
        _manager = Client(managerKey);
    }

    public async Task DisposeAsync()
    {
        _publisher.Dispose();
        _manager.Dispose();
        await _proxy.DisposeAsync();
        await _host.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task An_unchanged_poll_is_a_304_and_the_agent_uses_its_stored_listing_and_a_changed_one_is_a_200_with_a_new_etag()
    {
        (await _publisher.PushAsync(TestPackages.Update("Cz.Vat2024", "1.0.0", "accounting"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await _manager.CoveredCustomerAsync("novak", "accounting");
        using var keyResponse = await _manager.PostAsync(new Uri("/api/installations/novak-prod/keys", UriKind.Relative), null);
        var key = (await keyResponse.Content.ReadFromJsonAsync<CreatedKeyDto>())!.Key;
        var database = Path.Combine(_root, "novak.db");
        await DemoIsDatabase.CreateAsync(database);
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var options = new SiteAgentOptions { Output = output, HostTimeout = TimeSpan.FromSeconds(30) };
        await new SiteAgent(database, options).EnrollAsync(_proxy.Url.AbsoluteUri, key, null, null);

        var first = await new SiteAgent(database, options).PullAsync();
        var second = await new SiteAgent(database, options).PullAsync();
        (await _publisher.PushAsync(TestPackages.Update("Cz.MinimumWage2025", "1.0.0", "accounting"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var third = await new SiteAgent(database, options).PullAsync();

        var polls = _proxy.Exchanges.Where(e => e.Path == "/api/site/updates").ToList();
        polls.Select(p => p.Status).ShouldBe([200, 304, 200]);
        polls[0].IfNoneMatch.ShouldBeEmpty();
        polls[0].ETag.ShouldNotBeNull();
        polls[1].IfNoneMatch.ShouldBe(polls[0].ETag);
        polls[1].BodyBytes.ShouldBe(0);
        polls[2].IfNoneMatch.ShouldBe(polls[0].ETag);
        polls[2].ETag.ShouldNotBe(polls[0].ETag);
        (first.Listed, first.Downloaded).ShouldBe((1, 1));
        (second.Listed, second.Downloaded, second.AlreadyCached).ShouldBe((1, 0, 1));
        (third.Listed, third.Downloaded, third.AlreadyCached).ShouldBe((2, 1, 1));
        output.ToString().ShouldContain("listing unchanged since the last poll (304 Not Modified): 1 updates as stored");
    }

    private HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = _host.BaseAddress };
        client.DefaultRequestHeaders.Add("X-NuGet-ApiKey", key);
        return client;
    }
}
