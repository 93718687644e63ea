using AppLayer.Core.Keys;
using AppLayer.Core.Model;

namespace AppLayer.Core.Stores;

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

    Task<StoredApiKey?> FindByHashAsync(string hash, CancellationToken cancellationToken);

    /// <returns><c>false</c> when there is no such key.</returns>
    Task<bool> RevokeAsync(long id, DateTimeOffset revokedAt, CancellationToken cancellationToken);
}
