namespace AppLayer.Feed.Tuf;

/// <summary>A package's TUF target path: its place under the flat container (PackageBaseAddress).</summary>
public static class TufTargetPaths
{
    public static string For(string id, string normalizedVersion)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(normalizedVersion);
        var lowerId = id.ToLowerInvariant();
        var lowerVersion = normalizedVersion.ToLowerInvariant();
        return $"{lowerId}/{lowerVersion}/{lowerId}.{lowerVersion}.nupkg";
    }
}
