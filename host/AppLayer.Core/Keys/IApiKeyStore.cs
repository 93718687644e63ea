using AppLayer.Core.Keys;
using AppLayer.Core.ServiceDesk.Contacts;

namespace AppLayer.Core.Keys;

/// <summary>API keys, stored only as SHA-256 hashes.</summary>
public interface IApiKeyStore
{
    Task<ApiKeyInfo> AddAsync(
        string hash,
        KeyScope scope,
        long? installationId,
        DateTimeOffset createdAt,
        DateTimeOffset? expiresAt,
        CancellationToken cancellationToken);

    /// <summary>Stores a <see cref="KeyScope.Contact"/> key bound to one customer.</summary>
    Task<ApiKeyInfo> AddContactAsync(
        string hash,
        long customerId,
        DateTimeOffset createdAt,
        DateTimeOffset? expiresAt,
        CancellationToken cancellationToken);

    /// <returns>The key (of any scope, contact keys included) with that hash, or <c>null</c>.</returns>
    Task<StoredApiKey?> FindByHashAsync(string hash, CancellationToken cancellationToken);

    /// <returns><c>false</c> when there is no such key.</returns>
    Task<bool> RevokeAsync(long id, DateTimeOffset revokedAt, CancellationToken cancellationToken);

    /// <summary>Revokes a <see cref="KeyScope.Contact"/> key (contact keys are numbered apart from the other keys).</summary>
    /// <returns><c>false</c> when there is no such contact key.</returns>
    Task<bool> RevokeContactAsync(long id, DateTimeOffset revokedAt, CancellationToken cancellationToken);
}
