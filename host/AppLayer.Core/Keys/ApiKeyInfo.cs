using AppLayer.Core.ServiceDesk.Contacts;

namespace AppLayer.Core.Keys;

public sealed record ApiKeyInfo(long Id, KeyScope Scope, long? InstallationId, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, bool Revoked)
{
    /// <summary>The customer a <see cref="KeyScope.Contact"/> key belongs to.</summary>
    public long? CustomerId { get; init; }
}
