using System.Net;
using System.Net.Http.Json;
using AppLayer.Core.Customers;
using AppLayer.Core.Keys;
using AppLayer.DemoIs;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Tuf;
using AppLayer.Site;
using Microsoft.Extensions.Time.Testing;

namespace AppLayer.Host.Tests.Tuf;

/// <summary>
/// A real host on loopback with a fake clock, one push (on day 0) and nothing after: one legislative
/// update and one customer's bespoke update (so a delegated role), and a site of that customer
/// enrolled and pulled once. Tests move the clock and check that everything still verifies.
/// </summary>
internal sealed class QuietFeed : IAsyncDisposable
{
    public static readonly string Target = TufTargetPaths.For("cz.vat2024", "1.0.0");

    private readonly string _root = Directory.CreateTempSubdirectory("applayer-quiet-feed-").FullName;

    private QuietFeed()
    {
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2024, 1, 15, 9, 0, 0, TimeSpan.Zero));

    public RunningHost Host { get; private set; } = null!;

    public string Data => Path.Combine(_root, "data");

    public string Folder => _root;

    public string SiteKey { get; private set; } = null!;

    public string ManagerKey { get; private set; } = null!;

    /// <summary>Root version 1 as a site receives it out of band (for tuf-js).</summary>
    public string RootFile => Path.Combine(_root, "1.root.json");

    public string Site => Path.Combine(_root, "site.db");

    public static async Task<QuietFeed> StartAsync()
    {
        var feed = new QuietFeed();
        try
        {
            await feed.InitializeAsync();
            return feed;
        }
        catch
        {
            await feed.DisposeAsync();
            throw;
        }
    }

    public SiteAgentOptions SiteOptions() => new() { Output = TextWriter.Null, HostTimeout = TimeSpan.FromSeconds(30), Clock = Time };

    public HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = Host.BaseAddress };
        client.DefaultRequestHeaders.Add("X-NuGet-ApiKey", key);
        return client;
    }

    /// <summary>What the host's data folder holds now, each role as a document.</summary>
    public TufDocument OnDisk(string file, string role) => TufDocument.Parse(File.ReadAllBytes(Path.Combine(Data, "tuf", file)), role);

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans the temp folder later
        }
    }

    private async Task InitializeAsync()
    {
        var publishKey = (await AppLayerHost.CreateKeyAsync(Data, KeyScope.Publish, null, null)).Key;
        ManagerKey = (await AppLayerHost.CreateKeyAsync(Data, KeyScope.Manager, null, null)).Key;
        Host = await AppLayerHost.StartAsync(new AppLayerHostOptions { DataDirectory = Data, Urls = "http://127.0.0.1:0", Time = Time });
        using var manager = Client(ManagerKey);
        await manager.CoveredCustomerAsync("novak", "accounting");
        using (var response = await manager.PostAsync(new Uri("/api/installations/novak-prod/keys", UriKind.Relative), null))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            SiteKey = (await response.Content.ReadFromJsonAsync<CreatedKeyDto>())!.Key;
        }

        using var publisher = Client(publishKey);
        (await publisher.PushAsync(TestPackages.Update("Cz.Vat2024", "1.0.0", "accounting"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var bespoke = TestPackages.Manifest("Novak.SalaryFix", "1.0.0", "accounting") with { Kind = AppLayer.Sdk.UpdateKind.DataFix, Customer = "novak" };
        (await publisher.PushAsync(TestPackages.Build("Novak.SalaryFix", "1.0.0", bespoke.ToJson()))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await File.WriteAllBytesAsync(RootFile, await manager.GetByteArrayAsync(new Uri("/tuf/1.root.json", UriKind.Relative)));

        await DemoIsDatabase.CreateAsync(Site);
        await new SiteAgent(Site, SiteOptions()).EnrollAsync(Host.BaseAddress.AbsoluteUri, SiteKey);
        (await new SiteAgent(Site, SiteOptions()).PullAsync()).Downloaded.ShouldBe(2);
    }
}
