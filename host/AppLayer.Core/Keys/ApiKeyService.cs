using AppLayer.Core.Installations;
using AppLayer.Core.ServiceDesk.Contacts;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;

namespace AppLayer.Core.Keys;

/// <summary>Creates API keys and recognises them; the host and the <c>applayer keys</c> verb both use it.</summary>
public sealed class ApiKeyService(IApiKeyStore keys, IInstallationStore installations, TimeProvider time)
{
    /// <summary>Creates a key; its secret is returned once and stored only as a hash.</summary>
    /// <param name="installationCode">Required for (and only for) a <see cref="KeyScope.Site"/> key.</param>
    /// <param name="expiresInDays">Lifetime in days, or <c>null</c> for a key that does not expire.</param>
    /// <exception cref="UserException">The arguments do not fit together or the installation is unknown.</exception>
    public async Task<CreatedKeyDto> CreateAsync(
        KeyScope scope,
        string? installationCode,
        int? expiresInDays,
        CancellationToken cancellationToken)
    {
        if (expiresInDays is <= 0)
        {
            throw new UserException("A key's lifetime must be at least one day.");
        }

        if (scope == KeyScope.Contact)
        {
            throw new UserException("A contact key belongs to a customer: create it with the customer's code (applayer keys create --scope contact --customer CODE).");
        }

        Installation? installation = null;
        if (scope == KeyScope.Site)
        {
            if (string.IsNullOrWhiteSpace(installationCode))
            {
                throw new UserException("A site key needs the installation it belongs to.");
            }

            installation = await installations.FindAsync(installationCode.Trim(), cancellationToken)
                ?? throw new NotFoundException($"Installation '{installationCode}' does not exist.");
        }
        else if (!string.IsNullOrWhiteSpace(installationCode))
        {
            throw new UserException($"Only a site key belongs to an installation, not a {scope.ToName()} key.");
        }

        var now = time.GetUtcNow();
        DateTimeOffset? expiresAt = expiresInDays is { } days ? now.AddDays(days) : null;
        var key = ApiKeys.Generate();
        await keys.AddAsync(ApiKeys.Hash(key), scope, installation?.Id, now, expiresAt, cancellationToken);
        return new CreatedKeyDto(key, scope.ToName(), installation?.Code, expiresAt);
    }

    /// <returns>The key's grant, or <c>null</c> when it is malformed, unknown, revoked or expired.</returns>
    public async Task<ApiKeyInfo?> AuthenticateAsync(string? presented, CancellationToken cancellationToken)
    {
        if (!ApiKeys.IsWellFormed(presented))
        {
            return null;
        }

        var hash = ApiKeys.Hash(presented!);
        var stored = await keys.FindByHashAsync(hash, cancellationToken);
        if (stored is null || !ApiKeys.HashMatches(hash, stored.Hash))
        {
            return null;
        }

        var info = stored.Info;
        if (info.Revoked || info.ExpiresAt <= time.GetUtcNow())
        {
            return null;
        }

        return info;
    }
}
