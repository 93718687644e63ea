using AppLayer.Core.ServiceDesk.Contacts;

namespace AppLayer.Core.Keys;

/// <summary>Revokes an API key (a customer contact's included) given the key itself (only its hash is stored); revoking twice is harmless.</summary>
public sealed class ApiKeyRevoker(IApiKeyStore keys, TimeProvider time)
{
    /// <returns><c>false</c> when no such key exists.</returns>
    public async Task<bool> RevokeAsync(string? presented, CancellationToken cancellationToken)
    {
        if (!ApiKeys.IsWellFormed(presented))
        {
            return false;
        }

        var hash = ApiKeys.Hash(presented!);
        var stored = await keys.FindByHashAsync(hash, cancellationToken);
        if (stored is null || !ApiKeys.HashMatches(hash, stored.Hash))
        {
            return false;
        }

        // A contact key lives in its own table, numbered apart: revoking it by id in the other table would revoke another key.
        return stored.Info.Scope == KeyScope.Contact
            ? await keys.RevokeContactAsync(stored.Info.Id, time.GetUtcNow(), cancellationToken)
            : await keys.RevokeAsync(stored.Info.Id, time.GetUtcNow(), cancellationToken);
    }
}
