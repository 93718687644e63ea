using AppLayer.Core.Stores;

namespace AppLayer.Core.Keys;

/// <summary>Revokes an API key given the key itself (only its hash is stored); revoking twice is harmless.</summary>
public sealed class ApiKeyRevoker(IApiKeyStore keys, TimeProvider time)
{
    /// <returns><c>false</c> when no such key exists.</returns>
    public async Task<bool> RevokeAsync(string? presented, CancellationToken cancellationToken)
    {
        if (!ApiKeys.IsWellFormed(presented))
        {
            return false;
        }

        var stored = await keys.FindByHashAsync(ApiKeys.Hash(presented!), cancellationToken);
        return stored is not null
            && ApiKeys.Matches(presented!, stored.Hash)
            && await keys.RevokeAsync(stored.Info.Id, time.GetUtcNow(), cancellationToken);
    }
}
