using AppLayer.Protocol.Tuf;

namespace AppLayer.Site.Trust;

/// <summary>Reads a body up to a limit and stops there: a server that sends more is refused, not followed.</summary>
internal static class BoundedRead
{
    public static async Task<byte[]> ReadAsync(Stream body, long maxBytes, string what, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new TufException($"{what} is longer than the {maxBytes} bytes allowed; stopped reading (endless data).");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
