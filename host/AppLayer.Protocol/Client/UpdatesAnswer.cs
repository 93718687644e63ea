using AppLayer.Protocol.Api;

namespace AppLayer.Protocol.Client;

/// <summary>
/// <c>GET /api/site/updates</c> as answered: the listing, its body and ETag, and whether the host
/// answered 304 (the stored listing is still current, and <see cref="Body"/> is the stored one).
/// </summary>
public sealed record UpdatesAnswer(IReadOnlyList<AvailableUpdateDto> Updates, byte[] Body, string? ETag, bool NotModified);
