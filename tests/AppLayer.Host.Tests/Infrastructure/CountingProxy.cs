using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AppLayer.Host.Tests.Infrastructure;

/// <summary>
/// A plain forwarding proxy on 127.0.0.1 in front of a running host that records every exchange as
/// it went over the wire (path, status, If-None-Match sent, ETag and body bytes received).
/// </summary>
public sealed class CountingProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase) { "Host", "Connection", "Transfer-Encoding", "Content-Length", "Keep-Alive" };

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;

    private CountingProxy(WebApplication app, HttpClient upstream)
    {
        _app = app;
        _upstream = upstream;
    }

    public Uri Url { get; private set; } = null!;

    public ConcurrentQueue<Exchange> Exchanges { get; } = new();

    public static async Task<CountingProxy> StartAsync(Uri upstream)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var proxy = new CountingProxy(app, new HttpClient { BaseAddress = upstream });
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        proxy.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/");
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private async Task ForwardAsync(HttpContext http)
    {
        using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), http.Request.Path + http.Request.QueryString);
        foreach (var (name, values) in http.Request.Headers.Where(h => !HopHeaders.Contains(h.Key)))
        {
            request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
        }

        using var response = await _upstream.SendAsync(request, http.RequestAborted);
        var body = await response.Content.ReadAsByteArrayAsync(http.RequestAborted);
        http.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers).Where(h => !HopHeaders.Contains(h.Key)))
        {
            http.Response.Headers[name] = values.ToArray();
        }

        Exchanges.Enqueue(new Exchange(http.Request.Path, (int)response.StatusCode, http.Request.Headers.IfNoneMatch.ToString(), response.Headers.ETag?.ToString(), body.Length));
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    public sealed record Exchange(string Path, int Status, string IfNoneMatch, string? ETag, int BodyBytes);
}
