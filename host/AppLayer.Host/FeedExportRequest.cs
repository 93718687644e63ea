namespace AppLayer.Host;

/// <summary>What <c>applayer feed export</c> writes, and where from.</summary>
/// <param name="DataDirectory">The host's data folder.</param>
/// <param name="TargetDirectory">Where the static copy goes.</param>
/// <param name="BaseUrl">The URL the copy will be served at.</param>
/// <param name="Customer">A copy for this customer's sites (its bespoke packages and delegated role too).</param>
/// <param name="TimestampLifetime">Sign a new timestamp of this lifetime for the copy (and the host); <c>null</c> copies the host's current one.</param>
/// <param name="Time">The clock (tests pass a fake one); <c>null</c> is the system clock.</param>
public sealed record FeedExportRequest(string DataDirectory, string TargetDirectory, string BaseUrl, string? Customer = null, TimeSpan? TimestampLifetime = null, TimeProvider? Time = null);
