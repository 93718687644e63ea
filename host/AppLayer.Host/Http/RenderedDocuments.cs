using System.Text;
using System.Text.Json.Nodes;
using AppLayer.Core.Releases;
using AppLayer.Storage;

namespace AppLayer.Host.Http;

/// <summary>
/// NuGet documents rendered from the database (registration index and leaves), kept as bytes with
/// their ETag while nothing at all was committed since they were rendered (<see cref="StampedCache{TKey, TValue}"/>):
/// a restore that asks for the same package again costs no query, no JSON and no hash, and is never
/// staler than the last push, unlist or key change. Kept apart per base URL and per what the caller
/// may see (all, or one customer's part of the feed).
/// </summary>
internal sealed class RenderedDocuments(DatabaseChanges changes)
{
    private readonly StampedCache<Key, Rendered> _documents = new(changes);

    /// <summary>Answers the document (or a 304), rendering it only when it is not kept.</summary>
    /// <param name="render">The document, or <c>null</c> when there is none (then nothing is kept).</param>
    /// <returns><c>null</c> when <paramref name="render"/> found no document.</returns>
    public async Task<IResult?> AnswerAsync(HttpContext http, FeedCaller caller, Func<CancellationToken, Task<JsonObject?>> render, CancellationToken cancellationToken)
    {
        var key = new Key(http.Request.Path.Value!.ToLowerInvariant(), http.Request.BaseUrl(), caller.SeesAll, caller.CustomerCode);
        var rendered = await _documents.GetAsync(key, async (_, ct) => await render(ct) is { } body ? Rendered.Of(body) : null, cancellationToken);
        return rendered is null ? null : ETags.Bytes(rendered.Bytes, rendered.ETag, "application/json");
    }

    private readonly record struct Key(string Path, string BaseUrl, bool SeesAll, string? Customer);

    private sealed record Rendered(byte[] Bytes, string ETag)
    {
        public static Rendered Of(JsonObject body)
        {
            var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
            return new Rendered(bytes, ETags.Of(bytes));
        }
    }
}
