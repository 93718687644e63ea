using AppLayer.Core.Model;
using NuGet.Versioning;

namespace AppLayer.Feed.Protocol;

/// <summary>A package with its parsed version and whether it is listed.</summary>
public sealed record ListedPackage(FeedPackage Package, NuGetVersion Version, bool Listed);
