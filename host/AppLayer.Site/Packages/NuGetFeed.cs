using AppLayer.Core;
using NuGet.Configuration;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;
using NuGet.Versioning;

namespace AppLayer.Site.Packages;

/// <summary>
/// The host's NuGet v3 feed, read with the official client. The host answers <c>401</c> with
/// <c>WWW-Authenticate: Basic</c>; NuGet then retries with the site key as the password.
/// </summary>
internal sealed class NuGetFeed
{
    private const string SourceName = "applayer";

    private readonly SourceRepository _repository;
    private readonly NuGet.Common.ILogger _logger;

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
    }

    /// <summary>Copies the package's bytes to <paramref name="destination"/> within <paramref name="timeout"/>.</summary>
    /// <exception cref="UserException">The feed does not have it, cannot be read, or is too slow.</exception>
    /// <exception cref="PackageIntegrityException">It sent more than <paramref name="destination"/> takes.</exception>
    public async Task DownloadAsync(string id, NuGetVersion version, Stream destination, TimeSpan timeout, CancellationToken cancellationToken)
    {
        bool found;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var resource = await _repository.GetResourceAsync<FindPackageByIdResource>(deadline.Token)
                ?? throw new UserException($"the feed at {_repository.PackageSource.Source} has no package base address.");
            using var cache = new SourceCacheContext { NoCache = true, DirectDownload = true };
            found = await resource.CopyNupkgToStreamAsync(id, version, destination, cache, _logger, deadline.Token);
        }
        catch (Exception ex) when (Find<PackageIntegrityException>(ex) is { } integrity)
        {
            throw new PackageIntegrityException(integrity.Message, ex);
        }
        catch (Exception ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested && ex is OperationCanceledException or FatalProtocolException)
        {
            throw new UserException($"{id} {version} did not arrive within {timeout.TotalSeconds:0.#} s (slow retrieval); refused.", ex);
        }
        catch (FatalProtocolException ex)
        {
            throw new UserException($"cannot download {id} {version} from the feed at {_repository.PackageSource.Source}: {Innermost(ex)}", ex);
        }

        if (!found)
        {
            throw new UserException($"the feed at {_repository.PackageSource.Source} does not have {id} {version}, though the host listed it.");
        }
    }

    private static T? Find<T>(Exception? ex)
        where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T found)
            {
                return found;
            }
        }

        return null;
    }

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
