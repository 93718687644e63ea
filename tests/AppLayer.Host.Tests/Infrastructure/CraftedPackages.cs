using System.IO.Compression;
using AppLayer.Protocol.Packages;

namespace AppLayer.Host.Tests.Infrastructure;

/// <summary>
/// Packages that break exactly one of the package limits, and one just under all of them, made from any
/// valid package by adding entries. Small limits (<see cref="Limits"/>) keep them small; the host tests
/// push them and the site tests apply them, the same bytes against the same limits.
/// </summary>
public static class CraftedPackages
{
    private const int MiB = 1024 * 1024;

    /// <summary>2 MiB packed, 4 MiB unpacked, 100 entries, 2 MiB per entry, 100:1 per entry.</summary>
    public static PackageLimits Limits { get; } = new(MaxPackageBytes: 2 * MiB, MaxUncompressedBytes: 4 * MiB, MaxEntries: 100, MaxEntryBytes: 2 * MiB, MaxCompressionRatio: 100);

    /// <summary>The host settings for <see cref="Limits"/>.</summary>
    public static (string Key, string Value)[] HostSettings { get; } =
    [
        ("AppLayer:MaxPackageBytes", Limits.MaxPackageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("AppLayer:MaxUncompressedBytes", Limits.MaxUncompressedBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("AppLayer:MaxEntries", Limits.MaxEntries.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("AppLayer:MaxEntryBytes", Limits.MaxEntryBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("AppLayer:MaxCompressionRatio", Limits.MaxCompressionRatio.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    /// <summary>Each limit's name (<see cref="PackageLimitViolation"/>), for theories.</summary>
    public static TheoryData<string> Broken => new()
    {
        PackageLimitViolation.PackageSize,
        PackageLimitViolation.UncompressedSize,
        PackageLimitViolation.Entries,
        PackageLimitViolation.EntrySize,
        PackageLimitViolation.CompressionRatio,
    };

    /// <summary><paramref name="package"/> with entries added that break <paramref name="limit"/> and no other limit.</summary>
    public static byte[] Breaking(byte[] package, string limit) => limit switch
    {
        // 2.5 MiB that do not compress: only the packed size is too big.
        PackageLimitViolation.PackageSize => With(package, ("content/noise.bin", Noise(5 * MiB / 2))),

        // Three entries of 1.5 MiB, each packing about 7:1: 4.5 MiB unpacked.
        PackageLimitViolation.UncompressedSize => With(package, ("content/a.txt", Text(3 * MiB / 2, 1)), ("content/b.txt", Text(3 * MiB / 2, 2)), ("content/c.txt", Text(3 * MiB / 2, 3))),

        PackageLimitViolation.Entries => With(package, [.. Enumerable.Range(0, 100).Select(i => ($"content/{i}.txt", "x"u8.ToArray()))]),

        // One entry of 3 MiB packing about 7:1.
        PackageLimitViolation.EntrySize => With(package, ("content/big.txt", Text(3 * MiB, 4))),

        // 1.5 MiB of zeros pack to about 1.5 KB: a thousand to one.
        PackageLimitViolation.CompressionRatio => With(package, ("content/zeros.bin", new byte[3 * MiB / 2])),

        _ => throw new ArgumentOutOfRangeException(nameof(limit), limit, "not a package limit"),
    };

    /// <summary>
    /// <paramref name="package"/> (unpacking to less than 100 KiB, in fewer than 20 entries) with entries that come
    /// close to every limit and break none: one entry 4 KiB under the entry limit, 1 MiB of zeros (the most that is not
    /// held to the ratio), about 3.9 MiB unpacked in all, 80 more entries.
    /// </summary>
    public static byte[] JustUnder(byte[] package) => With(
        package,
        [
            ("content/a.txt", Text((2 * MiB) - 4096, 5)),
            ("content/b.txt", Text(MiB - (128 * 1024), 6)),
            ("content/zeros.bin", new byte[MiB]),
            .. Enumerable.Range(0, 80).Select(i => ($"content/{i}.txt", "x"u8.ToArray())),
        ]);

    private static byte[] With(byte[] package, params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    private static byte[] Noise(int length)
    {
        var bytes = new byte[length];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Random 'a's and 'b's: one bit per byte, so deflate packs it about 7:1.</summary>
    private static byte[] Text(int length, int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = random.Next(2) == 0 ? (byte)'a' : (byte)'b';
        }

        return bytes;
    }
}
