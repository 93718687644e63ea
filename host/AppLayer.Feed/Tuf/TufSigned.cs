namespace AppLayer.Feed.Tuf;

/// <summary>One metadata file as signed now: its file name, role, version and expiry.</summary>
public sealed record TufSigned(string File, string Role, long Version, DateTimeOffset Expires);
