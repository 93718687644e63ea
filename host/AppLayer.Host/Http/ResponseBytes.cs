using Microsoft.AspNetCore.Http;

namespace AppLayer.Host.Http;

internal static class ResponseBytes
{
    /// <summary>
    /// Writes a whole body (its <c>Content-Length</c> already set) in one piece: the headers are started,
    /// then the bytes are copied once into one buffer of the response pipe and flushed, where a stream
    /// write would copy them into one pipe block after another (4 KiB each, a lock per block).
    /// </summary>
    public static async Task WriteAsync(HttpResponse response, byte[] body, CancellationToken cancellationToken)
    {
        await response.StartAsync(cancellationToken);
        var writer = response.BodyWriter;
        body.CopyTo(writer.GetSpan(body.Length));
        writer.Advance(body.Length);
        await writer.FlushAsync(cancellationToken);
    }
}
