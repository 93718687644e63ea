using System.IO.Compression;

namespace AppLayer.Site.Packages;

/// <summary>
/// Extracts a package only when every entry stays inside the target folder: all entries are checked
/// before the first byte is written, so a refused package leaves nothing behind.
/// </summary>
internal static class SafeExtractor
{
    /// <summary>More than this uncompressed is not an update package.</summary>
    public const long MaxTotalBytes = 512L * 1024 * 1024;

    /// <exception cref="UnsafePackageException">An entry would land outside the folder, or the package is too big.</exception>
    public static void Extract(string packagePath, string targetFolder) => Extract(packagePath, targetFolder, MaxTotalBytes);

    /// <summary>As <see cref="Extract(string, string)"/>, with another limit on the unpacked size (an offline bundle holds many packages).</summary>
    /// <exception cref="UnsafePackageException">An entry would land outside the folder, or the archive is too big.</exception>
    public static void Extract(string packagePath, string targetFolder, long maxTotalBytes)
    {
        var root = Path.GetFullPath(targetFolder);
        var rootWithSeparator = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        using var archive = ZipFile.OpenRead(packagePath);

        var planned = new List<(ZipArchiveEntry Entry, string Path)>();
        long total = 0;
        foreach (var entry in archive.Entries)
        {
            var target = Resolve(entry.FullName, rootWithSeparator, Path.GetFileName(packagePath));
            total += entry.Length;
            if (total > maxTotalBytes)
            {
                throw new UnsafePackageException($"{Path.GetFileName(packagePath)} unpacks to more than {maxTotalBytes / (1024 * 1024)} MiB; refused.");
            }

            planned.Add((entry, target));
        }

        Directory.CreateDirectory(root);
        foreach (var (entry, target) in planned)
        {
            if (entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\'))
            {
                Directory.CreateDirectory(target);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            entry.ExtractToFile(target, overwrite: false);
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
