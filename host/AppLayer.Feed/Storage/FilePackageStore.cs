using Microsoft.Extensions.Options;

namespace AppLayer.Feed.Storage;

/// <summary>Package files in <c>{DataDirectory}/packages</c>; uploads wait in its <c>.incoming</c> folder.</summary>
internal sealed class FilePackageStore(IOptions<FeedOptions> options) : IPackageFileStore
{
    private string Root => options.Value.PackagesDirectory;

    public string CreateTempPath()
    {
        var incoming = Path.Combine(Root, ".incoming");
        Directory.CreateDirectory(incoming);
        return Path.Combine(incoming, Guid.NewGuid().ToString("N") + ".tmp");
    }

    public void Commit(string tempNupkgPath, byte[] nuspec, string id, string version)
    {
        var folder = Folder(id, version);
        Directory.CreateDirectory(folder);
        var tempNuspec = CreateTempPath();
        try
        {
            File.WriteAllBytes(tempNuspec, nuspec);
            File.Move(tempNuspec, NuspecPath(id, version), overwrite: true);
        }
        finally
        {
            File.Delete(tempNuspec);
        }

        File.Move(tempNupkgPath, NupkgPath(id, version), overwrite: true);
    }

    public void Delete(string id, string version)
    {
        File.Delete(NupkgPath(id, version));
        File.Delete(NuspecPath(id, version));
        DeleteIfEmpty(Folder(id, version));
        DeleteIfEmpty(Path.Combine(Root, Lower(id)));
    }

    public Stream? OpenNupkg(string id, string version) => OpenIfExists(NupkgPath(id, version));

    public Stream? OpenNuspec(string id, string version) => OpenIfExists(NuspecPath(id, version));

    public string NupkgFilePath(string id, string version) => NupkgPath(id, version);

    public string NuspecFilePath(string id, string version) => NuspecPath(id, version);

    private static string Lower(string value) => value.ToLowerInvariant();

    private static Stream? OpenIfExists(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static void DeleteIfEmpty(string folder)
    {
        if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }

    private string Folder(string id, string version)
    {
        // Ids and versions reach here checked; this is the last guard against a path escaping the feed.
        if (!NuGet.Packaging.PackageIdValidator.IsValidPackageId(id) || FeedVersions.Normalize(version) is null || version.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{id}' '{version}' is not a package id and version.", nameof(id));
        }

        return Path.Combine(Root, Lower(id), Lower(version));
    }

    private string NupkgPath(string id, string version) =>
        Path.Combine(Folder(id, version), $"{Lower(id)}.{Lower(version)}.nupkg");

    private string NuspecPath(string id, string version) =>
        Path.Combine(Folder(id, version), $"{Lower(id)}.nuspec");
}
