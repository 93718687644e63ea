namespace AppLayer.Site.Trust;

/// <summary>One metadata GET: its bytes (when 200), whether it was 304 or 404, and its ETag.</summary>
internal sealed record Fetched(bool NotFound, bool NotModified, byte[] Bytes, string? ETag);
