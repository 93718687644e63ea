
namespace AppLayer.Core.Keys;

/// <summary>A key as stored: what it may do and the SHA-256 (hex) of its secret.</summary>
public sealed record StoredApiKey(ApiKeyInfo Info, string Hash);
