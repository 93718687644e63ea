using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace AppLayer.Host.Http;

/// <summary>
/// Serves package files as a static file server does: <c>Last-Modified</c>, an <c>ETag</c> from length
/// and modification time, conditional requests and ranges. Releases are immutable, so small files (most
/// packages) are kept in memory after the first read and written from there; a kept copy is used only
/// while the file's length and modification time are unchanged. Large files are sent from disk.
/// </summary>
internal sealed class PackageFiles
{
    private const long MaxKeptFileBytes = 1024 * 1024;
    private const long MaxKeptBytes = 128L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, Kept> _kept = new(StringComparer.Ordinal);
    private long _keptBytes;

    /// <returns>The response, or <c>null</c> when there is no such file.</returns>
    public IResult? Serve(string path, string contentType)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return null;
        }

        var length = info.Length;
        var modified = info.LastWriteTimeUtc;
        var tag = new EntityTagHeaderValue(
            string.Create(CultureInfo.InvariantCulture, $"\"{length:x}-{modified.Ticks:x}\""));
        var lastModified = new DateTimeOffset(modified, TimeSpan.Zero);
        if (length <= MaxKeptFileBytes && Bytes(path, length, modified) is { } bytes)
        {
            return Results.Bytes(bytes, contentType, lastModified: lastModified, entityTag: tag, enableRangeProcessing: true);
        }

        return Results.File(path, contentType, lastModified: lastModified, entityTag: tag, enableRangeProcessing: true);
    }

    private byte[]? Bytes(string path, long length, DateTime modified)
    {
        if (_kept.TryGetValue(path, out var kept) && kept.Bytes.LongLength == length && kept.Modified == modified)
        {
            return kept.Bytes;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        if (bytes.LongLength != length)
        {
            // Replaced between the stat and the read: serve it from disk this time.
            return null;
        }

        if (kept is not null && _kept.TryRemove(path, out var old))
        {
            Interlocked.Add(ref _keptBytes, -old.Bytes.LongLength);
        }

        if (Interlocked.Add(ref _keptBytes, length) <= MaxKeptBytes && _kept.TryAdd(path, new Kept(bytes, modified)))
        {
            return bytes;
        }

        Interlocked.Add(ref _keptBytes, -length);
        return bytes;
    }

    private sealed record Kept(byte[] Bytes, DateTime Modified);
}
