using AppLayer.Feed.Tuf;

namespace AppLayer.Host;

/// <summary>One export: how many packages, until when the copy's metadata verifies (its first expiry), and what was signed again for it.</summary>
public sealed record FeedExportResult(int Packages, DateTimeOffset ValidUntil, IReadOnlyList<TufSigned> Signed);
