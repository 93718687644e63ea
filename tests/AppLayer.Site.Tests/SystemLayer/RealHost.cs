using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AppLayer.Core.Keys;
using AppLayer.Host;
using AppLayer.Protocol.Api;
using Microsoft.Extensions.Time.Testing;

namespace AppLayer.Site.Tests.SystemLayer;

/// <summary>
/// The real AppLayer host on 127.0.0.1 (port 0) over a temporary data folder, on a fake clock that starts at the real
/// time: customer novak (application-layer, accounting and payroll) with installation novak-prod and its site key.
/// </summary>
internal sealed class RealHost : IAsyncDisposable
{
    private readonly DirectoryInfo _data;
    private readonly RunningHost _host;

    private RealHost(DirectoryInfo data, RunningHost host, HttpClient manager, HttpClient publisher, FakeTimeProvider clock)
    {
        _data = data;
        _host = host;
        Manager = manager;
        Publisher = publisher;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public HttpClient Manager { get; }

    public HttpClient Publisher { get; }

    public string Url => _host.BaseAddress.AbsoluteUri;

    public string SiteKey { get; private set; } = string.Empty;

    public static async Task<RealHost> StartAsync()
    {
        var data = Directory.CreateTempSubdirectory("applayer-host-");
        var manager = (await AppLayerHost.CreateKeyAsync(data.FullName, KeyScope.Manager, null, null)).Key;
        var publisher = (await AppLayerHost.CreateKeyAsync(data.FullName, KeyScope.Publish, null, null)).Key;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var running = await AppLayerHost.StartAsync(new AppLayerHostOptions { DataDirectory = data.FullName, Urls = "http://127.0.0.1:0", Time = clock });
        var host = new RealHost(data, running, Client(running.BaseAddress, manager), Client(running.BaseAddress, publisher), clock);
        (await host.Manager.PostAsJsonAsync("api/customers", new CreateCustomerRequest("novak", "Novák s.r.o."))).EnsureSuccessStatusCode();
        (await host.Manager.PutAsJsonAsync("api/customers/novak/agreement", new SetAgreementRequest(["application-layer"], ["accounting", "payroll"]))).EnsureSuccessStatusCode();
        (await host.Manager.PostAsJsonAsync("api/customers/novak/installations", new CreateInstallationRequest("novak-prod", "Production", "5.2.0", ["accounting", "payroll"], null))).EnsureSuccessStatusCode();
        using var key = await host.Manager.PostAsync(new Uri("api/installations/novak-prod/keys", UriKind.Relative), null);
        host.SiteKey = (await key.Content.ReadFromJsonAsync<CreatedKeyDto>())!.Key;
        return host;
    }

    /// <summary>Publishes a package file as <c>dotnet nuget push</c> would.</summary>
    public async Task PublishAsync(string nupkg)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(nupkg));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "package", Path.GetFileName(nupkg));
        using var response = await Publisher.PutAsync(new Uri("api/v2/package", UriKind.Relative), content);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public async Task<T> GetAsync<T>(string path)
    {
        using var response = await Manager.GetAsync(new Uri(path, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web))!;
    }

    public async Task<HttpResponseMessage> PostAsync<T>(string path, T body) =>
        await Manager.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, JsonSerializerOptions.Web);

    public async ValueTask DisposeAsync()
    {
        Manager.Dispose();
        Publisher.Dispose();
        await _host.DisposeAsync();
        try
        {
            _data.Delete(recursive: true);
        }
        catch (IOException)
        {
            // temporary; the OS cleans it
        }
    }

    private static HttpClient Client(Uri baseAddress, string key)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Add("X-NuGet-ApiKey", key);
        return client;
    }
}
