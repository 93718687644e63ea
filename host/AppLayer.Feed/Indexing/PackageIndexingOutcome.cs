using AppLayer.Core.Releases;

namespace AppLayer.Feed.Indexing;

/// <summary>A <see cref="PackageIndexingResult"/> with its one-line reason and, on success, the stored package.</summary>
/// <param name="Limit">For a package refused by one of the package limits, that limit's name (<c>AppLayer.Protocol.Packages.PackageLimitViolation</c>).</param>
public sealed record PackageIndexingOutcome(PackageIndexingResult Result, string Message, FeedPackage? Package = null, string? Limit = null)
{
    public static PackageIndexingOutcome Success(FeedPackage package) =>
        new(PackageIndexingResult.Success, $"{package.Id} {package.Version} was added to the feed.", package);

    /// <summary>The signed package pushed again over a damaged stored copy: the stored file is right again.</summary>
    public static PackageIndexingOutcome Repaired(FeedPackage package) =>
        new(PackageIndexingResult.Success, $"{package.Id} {package.Version} was damaged on the host and is put right from this push.", package);

    public static PackageIndexingOutcome AlreadyExists(string id, string version) =>
        new(PackageIndexingResult.AlreadyExists, $"{id} {version} is in the feed already; push a new version.");

    public static PackageIndexingOutcome Invalid(string reason, string? limit = null) =>
        new(PackageIndexingResult.Invalid, reason, Limit: limit);
}
