namespace AppLayer.Feed;

/// <summary>Where the feed keeps package files (<c>{DataDirectory}/packages</c>) and what it accepts.</summary>
public sealed class FeedOptions
{
    public const long DefaultMaxPackageBytes = 250L * 1024 * 1024;

    /// <summary>The host's data folder; packages go to its <c>packages</c> subfolder.</summary>
    public string DataDirectory { get; set; } = string.Empty;

    /// <summary>The largest package accepted, in bytes (default 250 MB).</summary>
    public long MaxPackageBytes { get; set; } = DefaultMaxPackageBytes;

    /// <summary>The most a package may unpack to, in bytes (a zip-bomb guard; default 1 GB).</summary>
    public long MaxUncompressedBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>The most entries a package may hold.</summary>
    public int MaxEntries { get; set; } = 10_000;

    public string PackagesDirectory => Path.Combine(Path.GetFullPath(DataDirectory), "packages");
}
