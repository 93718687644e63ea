using AppLayer.Core.Releases;
using AppLayer.Feed.Integrity;

namespace AppLayer.Host.Http;

/// <summary>Serves a package's nupkg only while it is the file the feed signed; a damaged one is a 500 problem and an error in the log.</summary>
internal static class SignedNupkg
{
    /// <summary>The file the integrity check looked at is the one served (one look at the disk per download).</summary>
    /// <param name="refusals">Where a damaged package is logged before its 500 answer; <c>null</c>: a damaged package answers <c>null</c>, unlogged (<see cref="FeedShortcut"/> leaves it to the endpoint).</param>
    /// <returns>The response, or <c>null</c> when there is no such file.</returns>
    public static async Task<IResult?> ServeAsync(FeedPackage package, PackageFiles files, PackageIntegrity integrity, ILogger? refusals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(integrity);
        var (damaged, path, stamp) = await integrity.CheckFileAsync(package, cancellationToken);
        if (damaged is not null)
        {
            if (refusals is null)
            {
                return null;
            }

            PackageIntegrityLog.Refused(refusals, package.Id, package.Version, damaged.Reason);
            return Problems.Damaged($"{package.Id} {package.Version} is damaged on this host ({damaged.Reason}); it is not served.");
        }

        return files.Serve(path, stamp, "application/octet-stream");
    }
}
