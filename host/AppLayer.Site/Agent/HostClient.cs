using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AppLayer.Core;
using AppLayer.Core.Api;

namespace AppLayer.Site.Agent;

/// <summary>The host's site API (<c>/api/site/*</c>) as seen with one site key.</summary>
internal sealed class HostClient : IDisposable
{
    public const string ApiKeyHeader = "X-NuGet-ApiKey";

    /// <summary>Carries the report id: the host stores a report once however often it is sent.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;

    public HostClient(Uri host, string key, TimeSpan timeout)
    {
        Host = host;
        _http = new HttpClient { BaseAddress = host, Timeout = timeout };
        _http.DefaultRequestHeaders.Add(ApiKeyHeader, key);
    }

    public Uri Host { get; }

    /// <summary>Normalises a host URL given by a user: absolute http(s), ending in a slash.</summary>
    /// <exception cref="UserException">Not an http(s) URL.</exception>
    public static Uri ParseHost(string url)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UserException($"host '{url}' is not an http(s) URL such as http://127.0.0.1:5080.");
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    public async Task<SiteIdentityDto> GetIdentityAsync(CancellationToken cancellationToken) =>
        await GetAsync<SiteIdentityDto>("api/site/me", cancellationToken);

    /// <summary>
    /// The updates this installation is entitled to, with <c>If-None-Match</c> when a listing is stored:
    /// a 304 means the stored listing is still current.
    /// </summary>
    /// <exception cref="UserException">The host refused, or answered something that is not a listing.</exception>
    public async Task<UpdatesAnswer> GetUpdatesAsync((string ETag, byte[] Body)? stored, CancellationToken cancellationToken)
    {
        const string path = "api/site/updates";
        using var response = await SendAsync(
            async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                if (stored is { } known)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", known.ETag);
                }

                return await _http.SendAsync(request, cancellationToken);
            },
            cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified && stored is { } unchanged)
        {
            return new UpdatesAnswer(ParseUpdates(unchanged.Body, path), unchanged.Body, unchanged.ETag, NotModified: true);
        }

        if (!response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotModified)
        {
            throw new UserException($"host {Host} refused GET /{path}: {await DescribeAsync(response, cancellationToken)}");
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new UpdatesAnswer(ParseUpdates(body, path), body, response.Headers.ETag?.ToString(), NotModified: false);
    }

    /// <summary>Sends one report; true when the host took it (2xx), false when it refused it.</summary>
    /// <exception cref="HostUnreachableException">The host did not answer.</exception>
    public async Task<(bool Accepted, string Problem)> SendReportAsync(DeploymentReportDto report, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "api/site/reports") { Content = JsonContent.Create(report, options: Json) };
                request.Headers.Add(IdempotencyKeyHeader, report.ReportId);
                return await _http.SendAsync(request, cancellationToken);
            },
            cancellationToken);
        return response.IsSuccessStatusCode ? (true, string.Empty) : (false, await DescribeAsync(response, cancellationToken));
    }

    /// <summary>Whether a package version is gated, and approved for this installation (asked right before it is applied).</summary>
    /// <exception cref="HostUnreachableException">The host did not answer.</exception>
    public async Task<SiteGateDto> GetGateAsync(string packageId, string version, CancellationToken cancellationToken) =>
        await GetAsync<SiteGateDto>($"api/site/gates/{Uri.EscapeDataString(packageId)}/{Uri.EscapeDataString(version)}", cancellationToken);

    /// <summary>Posts one report of another kind (inventory, rehearsal) with its id as the idempotency key.</summary>
    /// <exception cref="HostUnreachableException">The host did not answer.</exception>
    public async Task<(bool Accepted, string Problem)> PostReportAsync<T>(string path, T body, string reportId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) };
                request.Headers.Add(IdempotencyKeyHeader, reportId);
                return await _http.SendAsync(request, cancellationToken);
            },
            cancellationToken);
        return response.IsSuccessStatusCode ? (true, string.Empty) : (false, await DescribeAsync(response, cancellationToken));
    }

    public void Dispose() => _http.Dispose();

    private IReadOnlyList<AvailableUpdateDto> ParseUpdates(byte[] body, string path)
    {
        try
        {
            return JsonSerializer.Deserialize<AvailableUpdateDto[]>(body, Json)
                ?? throw new UserException($"host {Host} answered GET /{path} with an empty body.");
        }
        catch (JsonException ex)
        {
            throw new UserException($"host {Host} answered GET /{path} with something that is not the expected JSON: {ex.Message}", ex);
        }
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => _http.GetAsync(path, cancellationToken), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new UserException($"host {Host} refused GET /{path}: {await DescribeAsync(response, cancellationToken)}");
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                ?? throw new UserException($"host {Host} answered GET /{path} with an empty body.");
        }
        catch (JsonException ex)
        {
            throw new UserException($"host {Host} answered GET /{path} with something that is not the expected JSON: {ex.Message}", ex);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException ex)
        {
            throw new HostUnreachableException($"cannot reach the host at {Host}: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HostUnreachableException($"the host at {Host} did not answer within {_http.Timeout.TotalSeconds:0} s.", ex);
        }
    }

    private static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = StatusLines.Of(response.StatusCode);
        var hint = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => " (the key is unknown or revoked; enroll again with a valid site key)",
            HttpStatusCode.Forbidden => " (the key is not a site key)",
            _ => string.Empty,
        };
        var title = string.Empty;
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!string.IsNullOrWhiteSpace(body) && body.TrimStart().StartsWith('{'))
            {
                using var problem = JsonDocument.Parse(body);
                if (problem.RootElement.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String)
                {
                    title = ": " + t.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // not a problem document; the status says enough
        }

        return status + title + hint;
    }
}
