using System.IO.Compression;
using AppLayer.Sdk;
using NuGet.Packaging;
using NuGet.Versioning;

namespace AppLayer.Host.Tests.Infrastructure;

/// <summary>Builds real .nupkg files with NuGet's own <see cref="PackageBuilder"/>.</summary>
public static class TestPackages
{
    public static UpdateManifest Manifest(string id, string version, params string[] modules) => new()
    {
        Id = id,
        Version = version,
        Kind = UpdateKind.Legislative,
        Title = $"Title of {id}",
        LegalReferences = ["Act No. 349/2023 Coll."],
        EffectiveDate = new DateOnly(2024, 1, 1),
        Modules = modules,
    };

    /// <summary>An update package whose manifest agrees with its nuspec.</summary>
    public static byte[] Update(string id, string version, params string[] modules) =>
        Build(id, version, Manifest(id, version, modules).ToJson());

    /// <summary>
    /// A package with any manifest text (or none) and any extra files. A package with a manifest gets a
    /// stand-in plugin assembly <c>lib/net10.0/{id}.dll</c> unless <paramref name="files"/> has something under
    /// <c>lib/</c> (the feed refuses an update package without its plugin; this one never runs).
    /// </summary>
    public static byte[] Build(string id, string version, string? manifestJson, params (string Path, byte[] Content)[] files) =>
        Build(id, version, manifestJson, _ => { }, files);

    /// <summary>A package whose nuspec <paramref name="nuspec"/> may fill further (authors, tags, ...).</summary>
    public static byte[] Build(string id, string version, string? manifestJson, Action<PackageBuilder> nuspec, params (string Path, byte[] Content)[] files)
    {
        ArgumentNullException.ThrowIfNull(nuspec);
        if (manifestJson is not null && !files.Any(f => f.Path.StartsWith("lib/", StringComparison.OrdinalIgnoreCase)))
        {
            files = [.. files, ($"lib/net10.0/{id}.dll", "not a real assembly"u8.ToArray())];
        }

        var builder = new PackageBuilder
        {
            Id = id,
            Version = NuGetVersion.Parse(version),
            Description = "A package built by the host tests.",
        };
        builder.Authors.Add("AppLayer tests");
        nuspec(builder);
        if (manifestJson is not null)
        {
            builder.Files.Add(File(UpdateManifest.FileName, System.Text.Encoding.UTF8.GetBytes(manifestJson)));
        }

        foreach (var (path, content) in files)
        {
            builder.Files.Add(File(path, content));
        }

        if (builder.Files.Count == 0)
        {
            builder.Files.Add(File("readme.txt", "a package needs a file"u8.ToArray()));
        }

        using var stream = new MemoryStream();
        builder.Save(stream);
        return stream.ToArray();
    }

    /// <summary>Adds a raw zip entry NuGet's builder would refuse (e.g. <c>../evil.txt</c>).</summary>
    public static byte[] WithEntry(byte[] package, string entryName, byte[]? content = null)
    {
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(entryName).Open();
            entry.Write(content ?? "payload"u8.ToArray());
        }

        return stream.ToArray();
    }

    /// <summary>A zip archive (not a NuGet package) holding the given entries.</summary>
    public static byte[] Zip(params (string Path, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in entries)
            {
                using var entry = zip.CreateEntry(path).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    private static PhysicalPackageFile File(string path, byte[] content) =>
        new(new MemoryStream(content)) { TargetPath = path };
}
