using System.Text;

namespace AppLayer.Site.Agent;

/// <summary>
/// <c>&lt;db&gt;.applayer/listing/</c>: the last <c>/api/site/updates</c> body and its ETag, so the next
/// poll sends <c>If-None-Match</c> and an unchanged listing costs a bodiless 304. Written only after
/// a pull succeeded; the ETag is removed first and written last, so it never names another body.
/// </summary>
internal sealed class ListingCache(string folder)
{
    private string BodyPath => Path.Combine(folder, "updates.json");

    private string ETagPath => Path.Combine(folder, "updates.etag");

    /// <returns>The stored ETag and body, or <c>null</c> when there is none (or only half of one).</returns>
    public (string ETag, byte[] Body)? Read() =>
        File.Exists(ETagPath) && File.Exists(BodyPath)
            ? (File.ReadAllText(ETagPath, Encoding.ASCII), File.ReadAllBytes(BodyPath))
            : null;

    public void Write(string etag, byte[] body)
    {
        Directory.CreateDirectory(folder);
        File.Delete(ETagPath);
        Replace(BodyPath, body);
        Replace(ETagPath, Encoding.ASCII.GetBytes(etag));
    }

    private static void Replace(string path, byte[] bytes)
    {
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }
}
