namespace AppLayer.Feed.Storage;

/// <summary>
/// Package files at <c>{id}/{version}/{id}.{version}.nupkg</c> and <c>{id}/{version}/{id}.nuspec</c>
/// (lower case, version normalised), the layout of a NuGet flat container.
/// </summary>
public interface IPackageFileStore
{
    /// <summary>A fresh path for an upload in progress, on the same volume as the packages.</summary>
    string CreateTempPath();

    /// <summary>Moves a complete upload and its nuspec into place; readers never see half a file.</summary>
    void Commit(string tempNupkgPath, byte[] nuspec, string id, string version);

    /// <summary>Removes a package's files, if any.</summary>
    void Delete(string id, string version);

    Stream? OpenNupkg(string id, string version);

    /// <summary>Where the nupkg is (or would be), for serving it straight from the file system.</summary>
    string NupkgFilePath(string id, string version);

    /// <summary>Where the nuspec is (or would be), for serving it straight from the file system.</summary>
    string NuspecFilePath(string id, string version);

    Stream? OpenNuspec(string id, string version);
}
