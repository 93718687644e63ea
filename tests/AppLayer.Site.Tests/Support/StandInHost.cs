using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using AppLayer.Protocol.Api;
using AppLayer.Sdk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AppLayer.Site.Tests.Support;

/// <summary>
/// A small stand-in for the AppLayer host on 127.0.0.1: the NuGet v3 service index and flat
/// container, and <c>/api/site/*</c>, with the host's key rules (X-NuGet-ApiKey, or Basic after a
/// 401 challenge). Tests publish package files to it, can make it serve other bytes than it lists,
/// and can make it refuse reports.
/// </summary>
internal sealed class StandInHost : IAsyncDisposable
{
    public const string SiteKey = "al_site0123456789abcdefghijklmnopqrstuvwxyzABCD";

    private readonly ConcurrentDictionary<string, Published> _packages = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, DeploymentReportDto> _reports = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private int _basicRequests;
    private int _reportPosts;
    private long _misbehavingBytes;

    public string Url { get; private set; } = string.Empty;

    /// <summary>The signed metadata served at <c>/tuf/</c>; <see cref="Publish"/> adds each package to its targets.</summary>
    public TestRepository Tuf { get; } = new();

    /// <summary>Replaces what <c>/tuf/{name}</c> (or, for <c>"nupkg"</c>, every package download) answers.</summary>
    public ConcurrentDictionary<string, Func<HttpContext, Task>> Misbehave { get; } = new(StringComparer.Ordinal);

    /// <summary>Every <c>/tuf/</c> request, as "name status".</summary>
    public ConcurrentQueue<string> MetadataRequests { get; } = new();

    /// <summary>Bytes written by a misbehaving answer before the client gave up.</summary>
    public long MisbehavingBytesSent => Interlocked.Read(ref _misbehavingBytes);

    public SiteIdentityDto Identity { get; set; } = new("novak-prod", "novak", "5.2.0", ["accounting", "payroll"], "Europe/Prague");

    /// <summary>When true, report posts get 503 (the host is sick): the agent must keep them.</summary>
    public bool RefuseReports { get; set; }

    /// <summary>Distinct reports stored (by report id).</summary>
    public IReadOnlyCollection<DeploymentReportDto> Reports => _reports.Values.ToList();

    public int ReportPosts => _reportPosts;

    /// <summary>Requests that authenticated with Basic, i.e. NuGet retried with the key after the 401 challenge.</summary>
    public int BasicRequests => _basicRequests;

    public static async Task<StandInHost> StartAsync()
    {
        var host = new StandInHost();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        host.Map(app);
        await app.StartAsync();
        host._app = app;
        host.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return host;
    }

    /// <summary>Lists and serves a package file; signed in <paramref name="bespokeFor"/>'s delegated role when given, else in the top-level targets.</summary>
    public AvailableUpdateDto Publish(string nupkg, string? bespokeFor = null)
    {
        var bytes = File.ReadAllBytes(nupkg);
        UpdateManifest manifest;
        using (var archive = new ZipArchive(new MemoryStream(bytes)))
        using (var reader = new StreamReader(archive.GetEntry(UpdateManifest.FileName)!.Open()))
        {
            manifest = UpdateManifest.Parse(reader.ReadToEnd());
        }

        var listing = new AvailableUpdateDto(
            manifest.Id,
            manifest.Version,
            manifest.Kind.ToString(),
            manifest.Title,
            Convert.ToBase64String(SHA512.HashData(bytes)),
            bytes.Length,
            manifest.EffectiveDate,
            manifest.LegalReferences);
        _packages[Key(manifest.Id, manifest.Version)] = new Published(listing, bytes);
        Tuf.AddTarget(manifest.Id, manifest.Version, bytes, bespokeFor);
        return listing;
    }

    /// <summary>Lists the package with <see cref="AvailableUpdateDto.ReleasedHold"/>, as the host does once a manager released the hold of that rollback.</summary>
    public void ReleaseHold(string id, string version, string rollbackReportId)
    {
        var key = Key(id, version);
        _packages[key] = _packages[key] with { Listing = _packages[key].Listing with { ReleasedHold = rollbackReportId } };
    }

    /// <summary>From now on serves <paramref name="bytes"/> for the package but keeps listing the original hash.</summary>
    public void ServeOtherBytes(string id, string version, byte[] bytes)
    {
        var key = Key(id, version);
        _packages[key] = _packages[key] with { Bytes = bytes };
    }

    /// <summary>An answer that sends <paramref name="chunk"/> bytes every <paramref name="pause"/> until the client stops reading (at most <paramref name="maxChunks"/> times).</summary>
    public Func<HttpContext, Task> Endless(int chunk, TimeSpan pause, int maxChunks = 100_000) => async http =>
    {
        http.Response.ContentType = "application/octet-stream";
        var buffer = new byte[chunk];
        buffer.AsSpan().Fill((byte)'{');
        try
        {
            for (var i = 0; i < maxChunks && !http.RequestAborted.IsCancellationRequested; i++)
            {
                // Kestrel drops writes after the client has gone without always failing them at once;
                // the flush result tells that the connection's reader completed, so nothing more is counted.
                var flushed = await http.Response.BodyWriter.WriteAsync(buffer, http.RequestAborted);
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    break;
                }

                Interlocked.Add(ref _misbehavingBytes, chunk);
                if (pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause, http.RequestAborted);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // the client stopped reading: that is the point
        }
    };

    public async ValueTask DisposeAsync()
    {
        Tuf.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private static string Key(string id, string version) => $"{id}/{version}".ToLowerInvariant();

    private void Map(WebApplication app)
    {
        app.MapGet("/v3/index.json", (HttpContext http) => Results.Json(new Dictionary<string, object>
        {
            ["version"] = "3.0.0",
            ["resources"] = new[]
            {
                new Dictionary<string, string> { ["@id"] = $"{http.Request.Scheme}://{http.Request.Host}/v3/flatcontainer/", ["@type"] = "PackageBaseAddress/3.0.0" },
            },
        }));

        app.MapGet("/v3/flatcontainer/{id}/index.json", (HttpContext http, string id) => Authorized(http, () =>
        {
            var versions = _packages.Values.Where(p => p.Listing.Id.Equals(id, StringComparison.OrdinalIgnoreCase)).Select(p => p.Listing.Version.ToLowerInvariant()).ToList();
            return versions.Count == 0 ? Results.NotFound() : Results.Json(new { versions });
        }));

        app.MapGet("/v3/flatcontainer/{id}/{version}/{file}", (HttpContext http, string id, string version, string file) => Authorized(http, () =>
            _packages.TryGetValue(Key(id, version), out var package) && file.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase)
                ? Misbehave.TryGetValue("nupkg", out var answer) ? new Answer(answer) : Results.Bytes(package.Bytes, "application/octet-stream")
                : Results.NotFound()));

        app.MapGet("/tuf/{name}", (HttpContext http, string name) => Authorized(http, () =>
        {
            if (Misbehave.TryGetValue(name, out var answer))
            {
                MetadataRequests.Enqueue(name + " misbehaving");
                return new Answer(answer);
            }

            if (!Tuf.Files.TryGetValue(name, out var bytes))
            {
                MetadataRequests.Enqueue(name + " 404");
                return Results.NotFound();
            }

            var tag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..32] + "\"";
            http.Response.Headers.ETag = tag;
            if (http.Request.Headers.IfNoneMatch.ToString() == tag)
            {
                MetadataRequests.Enqueue(name + " 304");
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            MetadataRequests.Enqueue(name + " 200");
            return Results.Bytes(bytes, "application/json");
        }));

        app.MapGet("/api/site/me", (HttpContext http) => Authorized(http, () => Results.Json(Identity)));

        app.MapGet("/api/site/updates", (HttpContext http) => Authorized(http, () =>
            Results.Json(_packages.Values.Select(p => p.Listing).OrderBy(l => l.Id, StringComparer.Ordinal).ToList())));

        app.MapPost("/api/site/reports", (HttpContext http, DeploymentReportDto report) => Authorized(http, () =>
        {
            Interlocked.Increment(ref _reportPosts);
            if (RefuseReports)
            {
                return Results.Problem(title: "the host is being maintained", statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            return _reports.TryAdd(report.ReportId, report) ? Results.Created($"/api/site/reports/{report.ReportId}", null) : Results.Ok();
        }));
    }

    private IResult Authorized(HttpContext http, Func<IResult> answer)
    {
        if (http.Request.Headers["X-NuGet-ApiKey"] == SiteKey)
        {
            return answer();
        }

        var authorization = http.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..]));
            if (pair[(pair.IndexOf(':', StringComparison.Ordinal) + 1)..] == SiteKey)
            {
                Interlocked.Increment(ref _basicRequests);
                return answer();
            }
        }

        http.Response.Headers.WWWAuthenticate = "Basic realm=\"AppLayer\"";
        return Results.Problem(title: "API key missing or unknown", statusCode: StatusCodes.Status401Unauthorized);
    }

    private sealed class Answer(Func<HttpContext, Task> write) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => write(httpContext);
    }

    private sealed record Published(AvailableUpdateDto Listing, byte[] Bytes);
}
