using AppLayer.Protocol.Tuf;
using AppLayer.Site.Trust;

namespace AppLayer.Site.Offline;

/// <summary>
/// The signed metadata of an unpacked offline bundle (<c>tuf/</c>), read as the TUF client reads the
/// host's: a missing file is a 404 (the end of the root chain, or no metadata at all), a file longer
/// than allowed is refused. There is no ETag: every file is read in full and verified.
/// </summary>
internal sealed class BundleMetadataSource(string folder) : IMetadataSource
{
    public async Task<Fetched> FetchAsync(string name, long maxBytes, string? ifNoneMatch, CancellationToken cancellationToken)
    {
        if (name.IndexOfAny(['/', '\\']) >= 0 || name.StartsWith('.'))
        {
            throw new TufException($"'{name}' is not a metadata file name.");
        }

        var path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            return new Fetched(true, false, [], null);
        }

        var length = new FileInfo(path).Length;
        if (length > maxBytes)
        {
            throw new TufException($"metadata {name} in the bundle is {length} bytes, more than the {maxBytes} allowed; not read.");
        }

        return new Fetched(false, false, await File.ReadAllBytesAsync(path, cancellationToken), null);
    }
}
