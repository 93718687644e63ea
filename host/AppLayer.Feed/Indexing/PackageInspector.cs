using System.IO.Compression;
using System.Text;
using System.Xml;
using AppLayer.Protocol.Packages;
using AppLayer.Sdk;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using NuGet.Versioning;

namespace AppLayer.Feed.Indexing;

/// <summary>
/// Decides whether a file is an update package: a zip with safe entry names within the
/// <see cref="PackageLimits"/>, a valid nuspec, and <c>applayer.update.json</c> at its root naming the same
/// id and version, and the plugin's assembly under <c>lib/</c>. A kit package (<see cref="KitPackages"/>) may come without the manifest; it gets
/// one made from its nuspec so the feed can list it, and is marked as kit. Reads only the nuspec and
/// the manifest; runs nothing.
/// </summary>
internal static class PackageInspector
{
    private const int MaxMetadataBytes = 1024 * 1024;

    /// <exception cref="InvalidPackageException">The first reason the package is refused.</exception>
    public static InspectedPackage Inspect(Stream package, PackageLimits limits)
    {
        try
        {
            var manifestJson = CheckArchive(package, limits, out var entryNames);
            package.Position = 0;
            using var reader = new PackageArchiveReader(package, leaveStreamOpen: true);
            var versionText = reader.NuspecReader.GetMetadataValue("version");
            if (!NuGetVersion.TryParse(versionText, out _))
            {
                throw new InvalidPackageException(string.IsNullOrWhiteSpace(versionText)
                    ? "The nuspec names no version."
                    : $"The nuspec's version '{versionText}' is not a valid NuGet version.");
            }

            var identity = reader.GetIdentity();
            if (!PackageIdValidator.IsValidPackageId(identity.Id))
            {
                throw new InvalidPackageException($"'{identity.Id}' is not a valid package id.");
            }

            var nuspec = ReadBounded(reader.GetNuspec(), "the nuspec");
            if (manifestJson is null)
            {
                if (!KitPackages.IsKitId(identity.Id))
                {
                    throw new InvalidPackageException($"The package has no {UpdateManifest.FileName} at its root; it is not an update package.");
                }

                return new InspectedPackage(identity.Id, identity.Version.ToNormalizedString(), KitManifest(reader.NuspecReader, identity), nuspec, Kit: true);
            }

            var manifest = ParseManifest(manifestJson, identity);
            CheckPlugin(manifest, entryNames);
            return new InspectedPackage(identity.Id, identity.Version.ToNormalizedString(), manifest, nuspec, Kit: false);
        }
        catch (Exception ex) when (ex is InvalidDataException or PackagingException or XmlException or ArgumentException or FormatException or InvalidOperationException)
        {
            throw new InvalidPackageException($"The file is not a valid NuGet package: {Reason(ex)}.");
        }
    }

    /// <returns>The manifest's text, read from the root of the archive, or <c>null</c> when it has none.</returns>
    private static string? CheckArchive(Stream package, PackageLimits limits, out IReadOnlyList<string> entryNames)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw new InvalidPackageException("The file is not a NuGet package: it is not a zip archive.");
        }

        using (zip)
        {
            foreach (var entry in zip.Entries)
            {
                if (EntryNames.Problem(entry.FullName) is { } problem)
                {
                    throw new InvalidPackageException($"The package is unsafe: {problem}.");
                }
            }

            if (limits.Check(package.Length, [.. zip.Entries.Select(e => new PackageEntrySize(e.FullName, e.Length, e.CompressedLength))]) is { } violation)
            {
                throw new InvalidPackageException($"The package is {violation.Message}.", violation.Limit);
            }

            entryNames = [.. zip.Entries.Select(e => e.FullName)];
            var manifests = zip.Entries.Where(e => e.FullName == UpdateManifest.FileName).Take(2).ToList();
            if (manifests.Count > 1)
            {
                throw new InvalidPackageException($"The package holds {UpdateManifest.FileName} more than once; an update has one manifest.");
            }

            if (manifests is not [var manifest])
            {
                return null;
            }

            using var stream = manifest.Open();
            return Encoding.UTF8.GetString(ReadBounded(stream, UpdateManifest.FileName));
        }
    }

    /// <summary>
    /// An update package carries its plugin: <c>lib/{framework}/{entry assembly}</c> (the manifest's
    /// <c>entryAssembly</c>, by default <c>{id}.dll</c>), where the site agent loads it from.
    /// </summary>
    private static void CheckPlugin(UpdateManifest manifest, IReadOnlyList<string> entryNames)
    {
        var dll = manifest.EntryAssembly ?? manifest.Id + ".dll";
        var libs = entryNames.Where(n => n.StartsWith("lib/", StringComparison.OrdinalIgnoreCase) && !n.EndsWith('/')).ToList();
        if (libs.Count == 0)
        {
            throw new InvalidPackageException($"{manifest.Id} {manifest.Version} is an update package ({UpdateManifest.FileName}) without a lib/ folder; pack the plugin's assembly (dotnet pack puts it in lib/{{framework}}/).");
        }

        if (!libs.Any(n => n.Split('/') is [_, _, var file] && file.Equals(dll, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidPackageException($"{manifest.Id} {manifest.Version} has no lib/{{framework}}/{dll}, the assembly its {UpdateManifest.FileName} names as entry.");
        }
    }

    /// <summary>What the feed lists for a kit package: its nuspec's title (or description, or id), visible to every key.</summary>
    private static UpdateManifest KitManifest(NuspecReader nuspec, PackageIdentity identity)
    {
        var title = new[] { nuspec.GetTitle(), nuspec.GetDescription(), identity.Id }.First(t => !string.IsNullOrWhiteSpace(t));
        return new UpdateManifest
        {
            Id = identity.Id,
            Version = identity.Version.ToNormalizedString(),
            Kind = UpdateKind.Feature,
            Title = FirstLine(title),
        };
    }

    private static UpdateManifest ParseManifest(string json, PackageIdentity identity)
    {
        UpdateManifest manifest;
        try
        {
            manifest = UpdateManifest.Parse(json);
        }
        catch (ManifestException ex)
        {
            throw new InvalidPackageException(FirstLine(ex.Message));
        }

        if (!string.Equals(manifest.Id, identity.Id, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidPackageException($"{UpdateManifest.FileName} names id '{manifest.Id}' but the nuspec names '{identity.Id}'.");
        }

        if (!NuGetVersion.TryParse(manifest.Version, out var version) || version != identity.Version)
        {
            throw new InvalidPackageException($"{UpdateManifest.FileName} names version '{manifest.Version}' but the nuspec names '{identity.Version}'.");
        }

        return manifest;
    }

    private static byte[] ReadBounded(Stream stream, string what)
    {
        using (stream)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxMetadataBytes)
                {
                    throw new InvalidPackageException($"{what} is larger than {MaxMetadataBytes / 1024} KB.");
                }
            }

            return buffer.ToArray();
        }
    }

    /// <summary>Why NuGet's reader gave up, in the product's words: NuGet's own packaging messages are kept, the runtime's are not.</summary>
    private static string Reason(Exception exception) => exception switch
    {
        PackagingException e => FirstLine(e.Message).TrimEnd('.'),
        XmlException e => $"its nuspec is not well-formed XML (line {e.LineNumber}, position {e.LinePosition})",
        InvalidDataException => "its zip archive is damaged or cut short",
        ArgumentException or FormatException => "its nuspec holds a value NuGet cannot read (check id, version, dependencies and framework names)",
        _ => "its contents cannot be read",
    };

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] : line;
    }
}
