using System.Collections.Concurrent;
using AppLayer.Feed.Storage;
using Microsoft.Net.Http.Headers;

namespace AppLayer.Host.Http;

/// <summary>
/// Serves package files as a static file server does: <c>Last-Modified</c>, an <c>ETag</c> from length
/// and modification time, conditional requests and ranges. Releases are immutable, so small files (most
/// packages) are kept in memory after the first read, with their header values, and written from there;
/// a kept copy is used only while the file's length and modification time are unchanged. Large files
/// are sent from disk.
/// </summary>
internal sealed class PackageFiles
{
    private const long MaxKeptFileBytes = 1024 * 1024;
    private const long MaxKeptBytes = 128L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, KeptFile> _kept = new(StringComparer.Ordinal);
    private long _keptBytes;

    /// <returns>The response, or <c>null</c> when there is no such file.</returns>
    public IResult? Serve(string path, string contentType) => Serve(path, FileStamp.Of(path), contentType);

    /// <param name="stamp">The file's length and time as its caller just looked at them (the file is not looked at again).</param>
    /// <returns>The response, or <c>null</c> when there is no such file.</returns>
    public IResult? Serve(string path, FileStamp? stamp, string contentType)
    {
        if (stamp is not { } file)
        {
            return null;
        }

        var length = file.Length;
        var modified = file.LastWriteTimeUtc;
        if (length <= MaxKeptFileBytes && Kept(path, length, modified) is { } kept)
        {
            return new KeptFileAnswer(kept, contentType);
        }

        return Results.File(path, contentType, lastModified: LastModified(modified), entityTag: Tag(length, modified), enableRangeProcessing: true);
    }

    private static EntityTagHeaderValue Tag(long length, DateTime modified) =>
        new(string.Create(CultureInfo.InvariantCulture, $"\"{length:x}-{modified.Ticks:x}\""));

    private static DateTimeOffset LastModified(DateTime modified) => new(modified, TimeSpan.Zero);

    private KeptFile? Kept(string path, long length, DateTime modified)
    {
        if (_kept.TryGetValue(path, out var kept) && kept.Bytes.LongLength == length && kept.Modified == modified)
        {
            return kept;
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

        var fresh = new KeptFile(bytes, modified, Tag(length, modified), LastModified(modified));
        if (Interlocked.Add(ref _keptBytes, length) <= MaxKeptBytes && _kept.TryAdd(path, fresh))
        {
            return fresh;
        }

        Interlocked.Add(ref _keptBytes, -length);
        return fresh;
    }

    /// <summary>A file's bytes with its header values, formatted once.</summary>
    private sealed class KeptFile(byte[] bytes, DateTime modified, EntityTagHeaderValue tag, DateTimeOffset lastModified)
    {
        public byte[] Bytes { get; } = bytes;

        public DateTime Modified { get; } = modified;

        public EntityTagHeaderValue Tag { get; } = tag;

        public DateTimeOffset LastModified { get; } = lastModified;

        public string TagHeader { get; } = tag.ToString();

        public string LastModifiedHeader { get; } = HeaderUtilities.FormatDate(lastModified);
    }

    /// <summary>
    /// A plain GET of a kept file is written straight to the response with its formatted headers (as
    /// <see cref="Results.Bytes"/> answers it); a conditional or range request is answered by
    /// <see cref="Results.Bytes"/>, which evaluates it.
    /// </summary>
    private sealed class KeptFileAnswer(KeptFile file, string contentType) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var request = httpContext.Request.Headers;
            if (request.Range.Count != 0 || request.IfRange.Count != 0 || request.IfMatch.Count != 0 || request.IfNoneMatch.Count != 0
                || request.IfModifiedSince.Count != 0 || request.IfUnmodifiedSince.Count != 0)
            {
                return Results.Bytes(file.Bytes, contentType, lastModified: file.LastModified, entityTag: file.Tag, enableRangeProcessing: true).ExecuteAsync(httpContext);
            }

            var response = httpContext.Response;
            response.ContentType = contentType;
            response.ContentLength = file.Bytes.Length;
            response.Headers.AcceptRanges = "bytes";
            response.Headers.LastModified = file.LastModifiedHeader;
            response.Headers.ETag = file.TagHeader;
            return ResponseBytes.WriteAsync(response, file.Bytes, httpContext.RequestAborted);
        }
    }
}
