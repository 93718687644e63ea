namespace AppLayer.Feed.Tuf;

/// <summary>A metadata file as served: its bytes and strong ETag (kept in memory until the file changes).</summary>
public sealed record TufServedFile(byte[] Bytes, string ETag);
