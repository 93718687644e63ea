using System.IO.Compression;
using AppLayer.Protocol.Packages;

namespace AppLayer.Site.Packages;

/// <summary>
/// Extracts a package only when every entry stays inside the target folder and the package keeps the
/// <see cref="PackageLimits"/> the host checked it against at push (the same <see cref="PackageLimits.Check"/>):
/// all entries are checked before the first byte is written, and no entry may unpack to more than its
/// declared length, so a refused package leaves nothing behind.
/// </summary>
internal static class SafeExtractor
{
    /// <exception cref="UnsafePackageException">An entry would land outside the folder, or the package breaks one of the default limits.</exception>
    public static void Extract(string packagePath, string targetFolder) => Extract(packagePath, targetFolder, PackageLimits.Default);

    /// <summary>As <see cref="Extract(string, string)"/>, with only another limit on the unpacked size (an offline bundle holds many packages).</summary>
    /// <exception cref="UnsafePackageException">An entry would land outside the folder, or the archive is too big.</exception>
    public static void Extract(string packagePath, string targetFolder, long maxTotalBytes) =>
        Extract(packagePath, targetFolder, new PackageLimits(long.MaxValue, maxTotalBytes, int.MaxValue, maxTotalBytes, PackageLimits.Default.MaxCompressionRatio));

    /// <exception cref="UnsafePackageException">An entry would land outside the folder, or the package breaks one of <paramref name="limits"/>.</exception>
    public static void Extract(string packagePath, string targetFolder, PackageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var name = Path.GetFileName(packagePath);
        var root = Path.GetFullPath(targetFolder);
        var rootWithSeparator = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        using var archive = ZipFile.OpenRead(packagePath);

        var planned = new List<(ZipArchiveEntry Entry, string Path)>();
        foreach (var entry in archive.Entries)
        {
            planned.Add((entry, Resolve(entry.FullName, rootWithSeparator, name)));
        }

        if (limits.Check(new FileInfo(packagePath).Length, [.. archive.Entries.Select(e => new PackageEntrySize(e.FullName, e.Length, e.CompressedLength))]) is { } violation)
        {
            throw new UnsafePackageException($"{name} is {violation.Message}; nothing was extracted.");
        }

        var created = !Directory.Exists(root);
        Directory.CreateDirectory(root);
        try
        {
            foreach (var (entry, target) in planned)
            {
                if (entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\'))
                {
                    Directory.CreateDirectory(target);
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                ExtractBounded(entry, target, name);
            }
        }
        catch when (created)
        {
            Directory.Delete(root, recursive: true);
            throw;
        }
    }

    /// <summary>Writes the entry, refusing it when it unpacks to more than the length its central directory declares (the length the limits were checked with).</summary>
    private static void ExtractBounded(ZipArchiveEntry entry, string target, string packageName)
    {
        using var source = entry.Open();
        using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
        var buffer = new byte[81920];
        long written = 0;
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            written += read;
            if (written > entry.Length)
            {
                throw new UnsafePackageException($"{packageName} has an entry '{entry.FullName}' that unpacks to more than the {entry.Length} bytes it declares; refused.");
            }

            output.Write(buffer, 0, read);
        }
    }

    /// <summary>The full path an entry would get, or a refusal.</summary>
    internal static string Resolve(string entryName, string rootWithSeparator, string packageName)
    {
        var refused = $"{packageName} has an entry '{entryName}' that would land outside its folder; refused.";
        if (string.IsNullOrEmpty(entryName) || entryName.Contains('\0', StringComparison.Ordinal))
        {
            throw new UnsafePackageException(refused);
        }

        var segments = entryName.Split('/', '\\');
        if (entryName[0] is '/' or '\\' || (entryName.Length > 1 && entryName[1] == ':') || Path.IsPathRooted(entryName) || segments.Any(s => s is ".." or "."))
        {
            throw new UnsafePackageException(refused);
        }

        var full = Path.GetFullPath(Path.Combine(rootWithSeparator, Path.Combine(segments)));
        if (!full.StartsWith(rootWithSeparator, StringComparison.Ordinal))
        {
            throw new UnsafePackageException(refused);
        }

        return full;
    }
}
