using AppLayer.Core.Model;
using NuGet.Versioning;

namespace AppLayer.Feed.Protocol;

/// <summary>A package with its parsed version, whether it is listed, and what its nuspec says of it.</summary>
public sealed record ListedPackage(FeedPackage Package, NuGetVersion Version, bool Listed, PackageDetails Details);
