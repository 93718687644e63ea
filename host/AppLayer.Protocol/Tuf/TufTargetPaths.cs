namespace AppLayer.Protocol.Tuf;

/// <summary>
/// A package's TUF target path: its place under the flat container (PackageBaseAddress). The feed signs
/// it and the site agent looks it up; a bespoke package's path is the same under its customer's role
/// (<see cref="TufDelegations.TargetPath"/>).
/// </summary>
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
