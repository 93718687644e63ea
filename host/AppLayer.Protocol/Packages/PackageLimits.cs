using System.Globalization;

namespace AppLayer.Protocol.Packages;

/// <summary>
/// The one set of limits an update package must keep, checked by the host when a package is pushed and by
/// the site agent before it extracts one, with the same code (<see cref="Check"/>): whatever the host
/// accepts, a site with the default limits extracts. A host may lower them, never raise them
/// (<see cref="IsWithin"/>), since sites keep the defaults.
/// </summary>
/// <param name="MaxPackageBytes">The largest .nupkg file.</param>
/// <param name="MaxUncompressedBytes">The most all entries together may unpack to.</param>
/// <param name="MaxEntries">The most entries (files and folders) a package may hold.</param>
/// <param name="MaxEntryBytes">The most one entry may unpack to.</param>
/// <param name="MaxCompressionRatio">
/// The most one entry may unpack to per packed byte (a zip-bomb guard); checked for entries that unpack
/// to more than <see cref="RatioCheckedAboveBytes"/>, since a small file of zeros packs to almost nothing.
/// </param>
public sealed record PackageLimits(
    long MaxPackageBytes,
    long MaxUncompressedBytes,
    int MaxEntries,
    long MaxEntryBytes,
    int MaxCompressionRatio)
{
    /// <summary>Entries at most this large are not held to <see cref="MaxCompressionRatio"/>.</summary>
    public const long RatioCheckedAboveBytes = 1024 * 1024;

    /// <summary>250 MiB packed, 512 MiB unpacked, 10,000 entries, 256 MiB per entry, 100:1 per entry.</summary>
    public static PackageLimits Default { get; } = new(
        MaxPackageBytes: 250L * 1024 * 1024,
        MaxUncompressedBytes: 512L * 1024 * 1024,
        MaxEntries: 10_000,
        MaxEntryBytes: 256L * 1024 * 1024,
        MaxCompressionRatio: 100);

    /// <summary>Every limit positive.</summary>
    public bool IsValid => MaxPackageBytes > 0 && MaxUncompressedBytes > 0 && MaxEntries > 0 && MaxEntryBytes > 0 && MaxCompressionRatio > 0;

    /// <summary>Whether every limit is at most <paramref name="other"/>'s (a package within these is within those).</summary>
    public bool IsWithin(PackageLimits other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return MaxPackageBytes <= other.MaxPackageBytes
            && MaxUncompressedBytes <= other.MaxUncompressedBytes
            && MaxEntries <= other.MaxEntries
            && MaxEntryBytes <= other.MaxEntryBytes
            && MaxCompressionRatio <= other.MaxCompressionRatio;
    }

    /// <returns>The package's size against <see cref="MaxPackageBytes"/>, or <c>null</c> when it is within.</returns>
    public PackageLimitViolation? CheckSize(long packageBytes) =>
        packageBytes > MaxPackageBytes
            ? new PackageLimitViolation(PackageLimitViolation.PackageSize, $"the package is larger than {Size(MaxPackageBytes)}")
            : null;

    /// <summary>Checks a package's size and its entries as its zip central directory declares them.</summary>
    /// <returns>The first limit the package breaks, or <c>null</c> when it keeps them all.</returns>
    public PackageLimitViolation? Check(long packageBytes, IReadOnlyCollection<PackageEntrySize> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (CheckSize(packageBytes) is { } tooBig)
        {
            return tooBig;
        }

        if (entries.Count > MaxEntries)
        {
            return new PackageLimitViolation(PackageLimitViolation.Entries, $"the package holds {entries.Count.ToString(CultureInfo.InvariantCulture)} entries, more than {MaxEntries.ToString(CultureInfo.InvariantCulture)}");
        }

        long total = 0;
        foreach (var entry in entries)
        {
            if (entry.Length < 0 || entry.CompressedLength < 0 || entry.Length > MaxEntryBytes)
            {
                return new PackageLimitViolation(PackageLimitViolation.EntrySize, $"entry '{entry.Name}' unpacks to more than {Size(MaxEntryBytes)}");
            }

            total += entry.Length;
            if (total > MaxUncompressedBytes)
            {
                return new PackageLimitViolation(PackageLimitViolation.UncompressedSize, $"the package unpacks to more than {Size(MaxUncompressedBytes)}");
            }

            if (entry.Length > RatioCheckedAboveBytes && entry.Length > (long)MaxCompressionRatio * Math.Max(entry.CompressedLength, 1))
            {
                var ratio = entry.Length / Math.Max(entry.CompressedLength, 1);
                return new PackageLimitViolation(PackageLimitViolation.CompressionRatio, $"entry '{entry.Name}' unpacks to {ratio.ToString(CultureInfo.InvariantCulture)} times its packed size, more than {MaxCompressionRatio.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        return null;
    }

    /// <summary>A byte count for a message: whole MiB when it is one, else bytes.</summary>
    public static string Size(long bytes) =>
        bytes % (1024 * 1024) == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MiB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
}
