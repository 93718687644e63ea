using AppLayer.Protocol;
using NuGet.Versioning;

namespace AppLayer.Feed;

/// <summary>Versions as the feed stores and compares them: NuGet-normalised.</summary>
public static class FeedVersions
{
    /// <returns>The normalised version (e.g. <c>1.0</c> → <c>1.0.0</c>), or <c>null</c> when it is not a version.</returns>
    public static string? Normalize(string? version) =>
        NuGetVersion.TryParse(version, out var parsed) ? parsed.ToNormalizedString() : null;

    /// <exception cref="AppLayer.Protocol.UserException">Not a version.</exception>
    public static string NormalizeOrThrow(string? version) =>
        Normalize(version) ?? throw new AppLayer.Protocol.UserException($"'{version}' is not a valid package version.");

    public static NuGetVersion Parse(string version) => NuGetVersion.Parse(version);
}
