namespace AppLayer.Feed.Indexing;

/// <summary>
/// The plugin authors' kit: <c>AppLayer.Sdk</c>, other <c>AppLayer.*</c> packages (templates) and the
/// <c>applayer</c> .NET tool. The feed serves them like any package, but they carry no update manifest
/// and are never offered to a site as an update.
/// </summary>
public static class KitPackages
{
    /// <summary>The stored kind of a kit package (the <c>packages.kind</c> column and the TUF target's custom kind).</summary>
    public const string Kind = "Kit";

    public static bool IsKitId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.Equals("applayer", StringComparison.OrdinalIgnoreCase)
            || (id.StartsWith("AppLayer.", StringComparison.OrdinalIgnoreCase) && id.Length > "AppLayer.".Length);
    }
}
