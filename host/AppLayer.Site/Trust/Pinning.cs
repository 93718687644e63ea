using AppLayer.Protocol;
using AppLayer.Protocol.Tuf;

namespace AppLayer.Site.Trust;

/// <summary>Pins the feed's root at enrollment; every later refresh starts from it.</summary>
internal static class Pinning
{
    /// <exception cref="TufException">Not a self-signed, unexpired root.</exception>
    public static async Task<byte[]> ReadRootAsync(Uri host, string key, string? trustedRootFile, SiteAgentOptions options, CancellationToken cancellationToken)
    {
        byte[] bytes;
        if (!string.IsNullOrWhiteSpace(trustedRootFile))
        {
            if (!File.Exists(trustedRootFile))
            {
                throw new UserException($"trusted root file '{trustedRootFile}' does not exist.");
            }

            bytes = await File.ReadAllBytesAsync(trustedRootFile, cancellationToken);
        }
        else
        {
            using var client = new MetadataClient(host, key, options.MetadataTimeout);
            var fetched = await client.FetchAsync("root.json", TufUpdater.MaxRootBytes, null, cancellationToken);
            if (fetched.NotFound)
            {
                throw new TufException($"the host at {host} publishes no signed metadata (/tuf/root.json); refusing to enroll.");
            }

            bytes = fetched.Bytes;
        }

        TufUpdater.VerifyInitialRoot(bytes, options.Clock.GetUtcNow());
        return bytes;
    }

    /// <summary>Replaces whatever was trusted before with this root alone.</summary>
    public static void Pin(string folder, byte[] root, Uri? feed)
    {
        var store = new TrustStore(folder);
        var files = new Dictionary<string, byte[]?>
        {
            [TrustStore.FeedFile] = feed is null ? null : System.Text.Encoding.UTF8.GetBytes(feed.AbsoluteUri),
            ["timestamp.json"] = null,
            ["snapshot.json"] = null,
            ["targets.json"] = null,
            [TrustStore.ETagFile] = null,
            ["root.json"] = root,
        };
        foreach (var delegated in store.DelegatedFiles())
        {
            files[delegated] = null;
        }

        store.Write(files);
    }
}
