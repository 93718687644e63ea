using AppLayer.Core.Releases;
using AppLayer.Feed.Integrity;

namespace AppLayer.Host.Http;

/// <summary>Serves a package's nupkg only while it is the file the feed signed; a damaged one is a 500 problem and an error in the log.</summary>
internal static class SignedNupkg
{
    /// <returns>The response, or <c>null</c> when there is no such file.</returns>
    public static async Task<IResult?> ServeAsync(FeedPackage package, string path, PackageFiles files, PackageIntegrity integrity, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(integrity);
        ArgumentNullException.ThrowIfNull(loggers);
        if (await integrity.CheckAsync(package, cancellationToken) is { } damaged)
        {
            PackageIntegrityLog.Refused(loggers.CreateLogger<PackageIntegrity>(), package.Id, package.Version, damaged.Reason);
            return Problems.Damaged($"{package.Id} {package.Version} is damaged on this host ({damaged.Reason}); it is not served.");
        }

        return files.Serve(path, "application/octet-stream");
    }
}
