using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;
using NuGet.Configuration;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;
using NuGet.Versioning;

namespace AppLayer.Site.Packages;

/// <summary>
/// The host's NuGet v3 feed, read with the official client. The host answers <c>401</c> with
/// <c>WWW-Authenticate: Basic</c>; NuGet then retries with the site key as the password.
/// </summary>
internal sealed class NuGetFeed : IDisposable
{
    private const string SourceName = "applayer";

    private readonly SourceRepository _repository;
    private readonly NuGet.Common.ILogger _logger;
    private readonly HttpClient _http;

    public NuGetFeed(Uri host, string key, NuGet.Common.ILogger logger)
    {
        var index = new Uri(host, "v3/index.json").AbsoluteUri;
        var source = new PackageSource(index, SourceName)
        {
            Credentials = PackageSourceCredential.FromUserInput(SourceName, "site", key, storePasswordInClearText: true, validAuthenticationTypesText: null),
            AllowInsecureConnections = host.Scheme == Uri.UriSchemeHttp,
        };
        _repository = Repository.Factory.GetCoreV3(source);
        _logger = logger;
        _http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Add(AppLayerClient.ApiKeyHeader, key);
    }

    /// <summary>
    /// Finds the package with the NuGet client (service index, PackageBaseAddress, versions index),
    /// then streams its bytes to <paramref name="destination"/> itself, so a server that sends more
    /// than the destination takes is cut off there, and the whole download is bounded by <paramref name="timeout"/>.
    /// </summary>
    /// <exception cref="UserException">The feed does not have it, cannot be read, or is too slow.</exception>
    /// <exception cref="PackageIntegrityException">It sent more than <paramref name="destination"/> takes.</exception>
    public async Task DownloadAsync(string id, NuGetVersion version, Stream destination, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var index = await _repository.GetResourceAsync<ServiceIndexResourceV3>(deadline.Token);
            var baseAddress = index?.GetServiceEntryUri(ServiceTypes.PackageBaseAddress)
                ?? throw new UserException($"the feed at {_repository.PackageSource.Source} has no package base address.");
            var finder = await _repository.GetResourceAsync<FindPackageByIdResource>(deadline.Token)
                ?? throw new UserException($"the feed at {_repository.PackageSource.Source} has no package base address.");
            using var cache = new SourceCacheContext { NoCache = true, DirectDownload = true };
            var versions = await finder.GetAllVersionsAsync(id, cache, _logger, deadline.Token);
            if (!versions.Contains(version))
            {
                throw new UserException($"the feed at {_repository.PackageSource.Source} does not have {id} {version}, though the host listed it.");
            }

            var lowerId = id.ToLowerInvariant();
            var lowerVersion = version.ToNormalizedString().ToLowerInvariant();
            var url = new Uri(new Uri(baseAddress.AbsoluteUri.TrimEnd('/') + "/"), $"{lowerId}/{lowerVersion}/{lowerId}.{lowerVersion}.nupkg");
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new UserException($"the feed answered {StatusLines.Of(response.StatusCode)} for {id} {version} ({url}).");
            }

            await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
            await body.CopyToAsync(destination, deadline.Token);
        }
        catch (Exception ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested && ex is OperationCanceledException or FatalProtocolException)
        {
            throw new UserException($"{id} {version} did not arrive within {timeout.TotalSeconds:0.#} s (slow retrieval); refused.", ex);
        }
        catch (FatalProtocolException ex)
        {
            throw new UserException($"cannot download {id} {version} from the feed at {_repository.PackageSource.Source}: {Innermost(ex)}", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new UserException($"cannot download {id} {version} from the feed at {_repository.PackageSource.Source}: {ex.Message}", ex);
        }
    }

    public void Dispose() => _http.Dispose();

    private static string Innermost(Exception ex)
    {
        var message = ex.Message;
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            message = inner.Message;
        }

        return message;
    }
}
