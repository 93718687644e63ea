using System.IO.Compression;
using AppLayer.Sdk;

namespace AppLayer.Site.Packages;

/// <summary>Reads <see cref="UpdateManifest.FileName"/> straight from a package, without extracting or running anything.</summary>
internal static class PackageManifestReader
{
    /// <exception cref="ManifestException">The package has no valid manifest.</exception>
    public static UpdateManifest Read(string packagePath)
    {
        try
        {
            using var archive = ZipFile.OpenRead(packagePath);
            var entry = archive.Entries.FirstOrDefault(e => string.Equals(e.FullName, UpdateManifest.FileName, StringComparison.OrdinalIgnoreCase))
                ?? throw new ManifestException($"{Path.GetFileName(packagePath)} has no {UpdateManifest.FileName} at its root; it is not an update package.");
            using var reader = new StreamReader(entry.Open());
            return UpdateManifest.Parse(reader.ReadToEnd());
        }
        catch (InvalidDataException ex)
        {
            throw new ManifestException($"{Path.GetFileName(packagePath)} is not a valid package: {ex.Message}", ex);
        }
    }
}
