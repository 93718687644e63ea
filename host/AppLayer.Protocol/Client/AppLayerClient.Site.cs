using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AppLayer.Protocol.Api;

namespace AppLayer.Protocol.Client;

// The host's site API (/api/site/*) as seen with one site key; a refusal names the request and hints at the key.
public sealed partial class AppLayerClient
{
    /// <summary>What the host knows of the site key's installation.</summary>
    /// <exception cref="HostUnreachableException">The host did not answer.</exception>
    /// <exception cref="UserException">The host refused, or answered something that is not the identity.</exception>
    public async Task<SiteIdentityDto> GetIdentityAsync(CancellationToken cancellationToken) =>
        await GetSiteAsync<SiteIdentityDto>(ApiRoutes.SiteMe, cancellationToken);

    /// <summary>
    /// The updates this installation is entitled to, with <c>If-None-Match</c> when a listing is stored:
    /// a 304 means the stored listing is still current.
    /// </summary>
    /// <exception cref="HostUnreachableException">The host did not answer.</exception>
    /// <exception cref="UserException">The host refused, or answered something that is not a listing.</exception>
    public async Task<UpdatesAnswer> GetUpdatesAsync((string ETag, byte[] Body)? stored, CancellationToken cancellationToken)
    {
        const string path = ApiRoutes.SiteUpdates;
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (stored is { } known)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", known.ETag);
        }

        using var response = await SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified && stored is { } unchanged)
        {
            return new UpdatesAnswer(ParseUpdates(unchanged.Body, path), unchanged.Body, unchanged.ETag, NotModified: true);
        }

        if (!response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotModified)
        {
            throw new UserException($"host {BaseAddress} refused GET /{path}: {await DescribeSiteFailureAsync(response, cancellationToken)}");
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new UpdatesAnswer(ParseUpdates(body, path), body, response.Headers.ETag?.ToString(), NotModified: false);
    }

    /// <summary>Sends one deployment report; true when the host took it (2xx), false when it refused it.</summary>
    /// <exception cref="HostUnreachableException">The host did not answer.</exception>
    public async Task<(bool Accepted, string Problem)> SendReportAsync(DeploymentReportDto report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        return await PostReportAsync(ApiRoutes.SiteReports, report, report.ReportId, cancellationToken);
    }

    /// <summary>Whether a package version is gated, and approved for this installation (asked right before it is applied).</summary>
    /// <exception cref="HostUnreachableException">The host did not answer.</exception>
    public async Task<SiteGateDto> GetGateAsync(string packageId, string version, CancellationToken cancellationToken) =>
        await GetSiteAsync<SiteGateDto>(ApiRoutes.SiteGate(packageId, version), cancellationToken);

    /// <summary>Posts one report of another kind (inventory, rehearsal) with its id as the idempotency key.</summary>
    /// <exception cref="HostUnreachableException">The host did not answer.</exception>
    public async Task<(bool Accepted, string Problem)> PostReportAsync<T>(string path, T body, string reportId, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Wire) };
        request.Headers.Add(IdempotencyKeyHeader, reportId);
        using var response = await SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode ? (true, string.Empty) : (false, await DescribeSiteFailureAsync(response, cancellationToken));
    }

    private IReadOnlyList<AvailableUpdateDto> ParseUpdates(byte[] body, string path)
    {
        try
        {
            return JsonSerializer.Deserialize<AvailableUpdateDto[]>(body, Wire)
                ?? throw new UserException($"host {BaseAddress} answered GET /{path} with an empty body.");
        }
        catch (JsonException ex)
        {
            throw new UserException($"host {BaseAddress} answered GET /{path} with something that is not the expected JSON: {ex.Message}", ex);
        }
    }

    private async Task<T> GetSiteAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new UserException($"host {BaseAddress} refused GET /{path}: {await DescribeSiteFailureAsync(response, cancellationToken)}");
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Wire, cancellationToken)
                ?? throw new UserException($"host {BaseAddress} answered GET /{path} with an empty body.");
        }
        catch (JsonException ex)
        {
            throw new UserException($"host {BaseAddress} answered GET /{path} with something that is not the expected JSON: {ex.Message}", ex);
        }
    }

    private static async Task<string> DescribeSiteFailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
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
