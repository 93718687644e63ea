using AppLayer.Protocol.Packages;

namespace AppLayer.Feed;

/// <summary>
/// Where the feed keeps package files (<c>{DataDirectory}/packages</c>) and what it accepts. The package
/// limits default to <see cref="PackageLimits.Default"/>, the ones every site agent extracts with; a host
/// may lower them, not raise them.
/// </summary>
public sealed class FeedOptions
{
    /// <summary>The host's data folder; packages go to its <c>packages</c> subfolder.</summary>
    public string DataDirectory { get; set; } = string.Empty;

    /// <summary>The largest package accepted, in bytes (default 250 MiB).</summary>
    public long MaxPackageBytes { get; set; } = PackageLimits.Default.MaxPackageBytes;

    /// <summary>The most a package may unpack to, in bytes (default 512 MiB).</summary>
    public long MaxUncompressedBytes { get; set; } = PackageLimits.Default.MaxUncompressedBytes;

    /// <summary>The most entries a package may hold (default 10,000).</summary>
    public int MaxEntries { get; set; } = PackageLimits.Default.MaxEntries;

    /// <summary>The most one entry may unpack to, in bytes (default 256 MiB).</summary>
    public long MaxEntryBytes { get; set; } = PackageLimits.Default.MaxEntryBytes;

    /// <summary>The most one entry (above 1 MiB unpacked) may unpack to per packed byte (default 100).</summary>
    public int MaxCompressionRatio { get; set; } = PackageLimits.Default.MaxCompressionRatio;

    /// <summary>The limits as one set, as <see cref="PackageLimits.Check"/> applies them.</summary>
    public PackageLimits Limits => new(MaxPackageBytes, MaxUncompressedBytes, MaxEntries, MaxEntryBytes, MaxCompressionRatio);

    /// <summary>How often the host hashes every stored package again against what it signed (default a day; also once at start).</summary>
    public TimeSpan ScrubInterval { get; set; } = TimeSpan.FromDays(1);

    public string PackagesDirectory => Path.Combine(Path.GetFullPath(DataDirectory), "packages");
}
