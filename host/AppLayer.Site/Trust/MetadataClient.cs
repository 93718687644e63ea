using System.Net;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;
using AppLayer.Protocol.Tuf;

namespace AppLayer.Site.Trust;

/// <summary>
/// Reads the feed's <c>/tuf/*.json</c> with the site key: never more than the length the caller
/// allows (endless data), never longer than the timeout for the whole file (slow retrieval).
/// </summary>
internal sealed class MetadataClient : IMetadataSource, IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;

    public MetadataClient(Uri host, string key, TimeSpan timeout)
    {
        _timeout = timeout;
        _http = new HttpClient { BaseAddress = new Uri(host, "tuf/"), Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Add(AppLayerClient.ApiKeyHeader, key);
    }

    /// <exception cref="TufException">Too large, too slow, or an unexpected status.</exception>
    /// <exception cref="HostUnreachableException">No answer at all.</exception>
    public async Task<Fetched> FetchAsync(string name, long maxBytes, string? ifNoneMatch, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, name);
            if (ifNoneMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
            }

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var etag = response.Headers.ETag?.ToString();
            switch (response.StatusCode)
            {
                case HttpStatusCode.NotFound:
                    return new Fetched(true, false, [], null);
                case HttpStatusCode.NotModified:
                    return new Fetched(false, true, [], etag);
                case HttpStatusCode.OK:
                    break;
                default:
                    throw new TufException($"the feed answered {StatusLines.Of(response.StatusCode)} for metadata {name}.");
            }

            if (response.Content.Headers.ContentLength > maxBytes)
            {
                throw new TufException($"metadata {name} is {response.Content.Headers.ContentLength} bytes, more than the {maxBytes} allowed; not read.");
            }

            await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
            return new Fetched(false, false, await BoundedRead.ReadAsync(body, maxBytes, $"metadata {name}", deadline.Token), etag);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TufException($"metadata {name} did not arrive within {_timeout.TotalSeconds:0.#} s (slow retrieval); refused.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new HostUnreachableException($"cannot reach the feed's metadata at {_http.BaseAddress}: {ex.Message}", ex);
        }
    }

    public void Dispose() => _http.Dispose();
}
