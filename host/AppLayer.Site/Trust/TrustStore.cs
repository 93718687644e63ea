using AppLayer.Protocol.Tuf;

namespace AppLayer.Site.Trust;

/// <summary>
/// <c>&lt;db&gt;.applayer/tuf/</c>: the root pinned at enrollment and the newest metadata verified
/// since (<c>root.json</c>, <c>timestamp.json</c>, <c>snapshot.json</c>, <c>targets.json</c>, and the
/// timestamp's ETag, and the delegated <c>customer-*.json</c> looked at). Files are replaced only after a whole refresh has been verified.
/// </summary>
internal sealed class TrustStore(string folder)
{
    public const string ETagFile = "timestamp.etag";

    /// <summary>Where metadata and packages come from when not from the host (a static copy).</summary>
    public const string FeedFile = "feed.url";

    public Uri? Feed => Read(FeedFile) is { } bytes ? new Uri(System.Text.Encoding.UTF8.GetString(bytes)) : null;

    public byte[]? Read(string name)
    {
        var path = Path.Combine(folder, name);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    public TufDocument? ReadDocument(string name, string role) => Read(name) is { } bytes ? TufDocument.Parse(bytes, role) : null;

    /// <exception cref="TufException">No root is pinned.</exception>
    public TufRoot ReadRoot() =>
        ReadDocument("root.json", TufRoles.Root) is { } doc
            ? TufRoot.From(doc)
            : throw new TufException($"no trusted root is pinned in {folder}; enroll the site again.");

    /// <summary>The delegated targets roles verified so far (<c>customer-*.json</c>).</summary>
    public IEnumerable<string> DelegatedFiles() =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, TufDelegations.RolePrefix + "*.json").Select(Path.GetFileName).OfType<string>()
            : [];

    /// <summary>Replaces files (a <c>null</c> value removes one), each atomically.</summary>
    public void Write(IReadOnlyDictionary<string, byte[]?> files)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, bytes) in files)
        {
            var path = Path.Combine(folder, name);
            if (bytes is null)
            {
                File.Delete(path);
                continue;
            }

            var temp = path + ".tmp";
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
    }
}
