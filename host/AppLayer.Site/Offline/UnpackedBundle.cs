using System.IO.Compression;
using System.Text.Json;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Offline;
using AppLayer.Site.Packages;

namespace AppLayer.Site.Offline;

/// <summary>
/// An offline bundle unpacked into a folder of its own: every entry checked before the first byte
/// is written (no path leaves the folder, the whole stays under <see cref="MaxBytes"/>), then its
/// <c>bundle.json</c> read. Nothing in it is trusted yet: the metadata is verified by the TUF client,
/// each package against the verified targets.
/// </summary>
internal sealed class UnpackedBundle
{
    /// <summary>More than this unpacked is not a bundle this agent takes.</summary>
    public const long MaxBytes = 8L * 1024 * 1024 * 1024;

    private const long MaxJsonBytes = 16L * 1024 * 1024;

    private UnpackedBundle(string folder, string name, OfflineBundleManifest manifest)
    {
        Folder = folder;
        Name = name;
        Manifest = manifest;
    }

    public string Folder { get; }

    /// <summary>The bundle's file name, for messages.</summary>
    public string Name { get; }

    public OfflineBundleManifest Manifest { get; }

    public string MetadataFolder => Path.Combine(Folder, OfflineBundleLayout.MetadataFolder.TrimEnd('/'));

    /// <exception cref="UserException">Not a readable zip, an entry outside the folder, too big, or no valid <c>bundle.json</c>.</exception>
    public static UnpackedBundle Extract(string bundlePath, string folder)
    {
        var name = Path.GetFileName(bundlePath);
        if (!File.Exists(bundlePath))
        {
            throw new UserException($"bundle '{bundlePath}' does not exist.");
        }

        try
        {
            SafeExtractor.Extract(bundlePath, folder, MaxBytes);
        }
        catch (InvalidDataException ex)
        {
            throw new UserException($"{name} is not an offline bundle (not a readable zip: {ex.Message}); refused.", ex);
        }

        var manifest = ReadJson<OfflineBundleManifest>(Path.Combine(folder, OfflineBundleLayout.ManifestEntry), name, OfflineBundleLayout.ManifestEntry);
        if (manifest.Format != OfflineBundleLayout.Format || string.IsNullOrWhiteSpace(manifest.Customer))
        {
            throw new UserException($"{name} has bundle format {manifest.Format}{(string.IsNullOrWhiteSpace(manifest.Customer) ? " without a customer" : string.Empty)}; this agent reads format {OfflineBundleLayout.Format}; refused.");
        }

        return new UnpackedBundle(folder, name, manifest);
    }

    /// <returns>The listing for <paramref name="installation"/>.</returns>
    /// <exception cref="UserException">The bundle has none, or it is not a listing.</exception>
    public IReadOnlyList<AvailableUpdateDto> ListingFor(string installation)
    {
        var entry = OfflineBundleLayout.ListingEntry(installation);
        var path = Path.Combine(Folder, entry);
        if (!File.Exists(path))
        {
            throw new UserException($"{Name} has no listing for installation {installation} (it has: {string.Join(", ", Manifest.Installations)}); export a new bundle for this customer; refused.");
        }

        return ReadJson<AvailableUpdateDto[]>(path, Name, entry);
    }

    /// <returns>The package file for this id and version, or <c>null</c> when the bundle lacks it.</returns>
    public string? PackagePath(string id, string normalizedVersion)
    {
        var path = Path.Combine(Folder, OfflineBundleLayout.PackageEntry(id, normalizedVersion));
        return File.Exists(path) ? path : null;
    }

    private static T ReadJson<T>(string path, string bundle, string entry)
    {
        if (!File.Exists(path))
        {
            throw new UserException($"{bundle} has no {entry}; it is not an offline bundle; refused.");
        }

        if (new FileInfo(path).Length > MaxJsonBytes)
        {
            throw new UserException($"{bundle}: {entry} is larger than {MaxJsonBytes / (1024 * 1024)} MiB; refused.");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllBytes(path), JsonSerializerOptions.Web)
                ?? throw new UserException($"{bundle}: {entry} is empty; refused.");
        }
        catch (JsonException ex)
        {
            throw new UserException($"{bundle}: {entry} is not valid JSON ({ex.Message}); refused.", ex);
        }
    }
}
