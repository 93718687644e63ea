using System.Net.Http.Json;
using System.Text.Json;

namespace AppLayer.Protocol.Client;

/// <summary>
/// The host's JSON API with one API key: the manager and publisher resources for the <c>applayer</c> command
/// (<see cref="GetAsync{T}"/> and the other verbs over <see cref="ApiRoutes"/>), and the site resources for the site
/// agent (<c>AppLayerClient.Site.cs</c>). A host that does not answer is a <see cref="HostUnreachableException"/>;
/// a refusal is a <see cref="UserException"/> that says the status and the host's problem title.
/// </summary>
public sealed partial class AppLayerClient : IDisposable
{
    public const string ApiKeyHeader = "X-NuGet-ApiKey";

    /// <summary>Carries the report id: the host stores a report once however often it is sent.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The person the host records as the actor.</summary>
    public const string UserHeader = "X-AppLayer-User";

    /// <summary>How the CLI writes and reads the API's JSON (web defaults, indented for people).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;

    /// <summary>A client for a person at the <c>applayer</c> command (<see cref="AppLayerClientOptions.ForPerson"/>).</summary>
    public AppLayerClient(Uri host, string key)
        : this(host, key, AppLayerClientOptions.ForPerson())
    {
    }

    public AppLayerClient(Uri host, string key, AppLayerClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(options);
        _http = new HttpClient
        {
            BaseAddress = host.AbsoluteUri.EndsWith('/') ? host : new Uri(host.AbsoluteUri + "/"),
            Timeout = options.Timeout,
        };
        _http.DefaultRequestHeaders.Add(ApiKeyHeader, key);
        if (options.Product is { } product)
        {
            _http.DefaultRequestHeaders.UserAgent.Add(product);
        }

        if (options.User is { } user)
        {
            _http.DefaultRequestHeaders.TryAddWithoutValidation(UserHeader, user);
        }
    }

    /// <summary>The host's base address, ending in a slash.</summary>
    public Uri BaseAddress => _http.BaseAddress!;

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

    public void Dispose() => _http.Dispose();

    /// <summary>Sends <paramref name="request"/> (and disposes it); any answer is returned, no answer is thrown.</summary>
    /// <exception cref="HostUnreachableException">The host did not answer, or not within the timeout.</exception>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new HostUnreachableException($"cannot reach the host at {BaseAddress}: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HostUnreachableException($"the host at {BaseAddress} did not answer within {_http.Timeout.TotalSeconds:0} s.", ex);
        }
        finally
        {
            request.Dispose();
        }
    }

    private static HttpRequestMessage JsonRequest<T>(HttpMethod method, string path, T body, JsonSerializerOptions options) =>
        new(method, path) { Content = JsonContent.Create(body, body?.GetType() ?? typeof(T), options: options) };
}
