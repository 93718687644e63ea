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

    /// <summary>Copies the package's bytes to <paramref name="destination"/>.</summary>
    /// <exception cref="UserException">The feed does not have it or cannot be read.</exception>
    public async Task DownloadAsync(string id, NuGetVersion version, Stream destination, CancellationToken cancellationToken)
    {
        bool found;
        try
        {
            var resource = await _repository.GetResourceAsync<FindPackageByIdResource>(cancellationToken)
                ?? throw new UserException($"the feed at {_repository.PackageSource.Source} has no package base address.");
            using var cache = new SourceCacheContext { NoCache = true, DirectDownload = true };
            found = await resource.CopyNupkgToStreamAsync(id, version, destination, cache, _logger, cancellationToken);
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
