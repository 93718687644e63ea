using AppLayer.Core.Customers;
using AppLayer.Core.ServiceDesk.Contacts;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;

namespace AppLayer.Core.Keys;

/// <summary>Creates keys for a customer's contacts: they sign in to the dashboard and see only their own customer.</summary>
public sealed class ContactKeyService(IApiKeyStore keys, ICustomerStore customers, TimeProvider time)
{
    /// <exception cref="UserException">A bad lifetime.</exception>
    /// <exception cref="NotFoundException">The customer does not exist.</exception>
    public async Task<CreatedKeyDto> CreateAsync(string customerCode, int? expiresInDays, CancellationToken cancellationToken)
    {
        if (expiresInDays is <= 0)
        {
            throw new UserException("A key's lifetime must be at least one day.");
        }

        if (string.IsNullOrWhiteSpace(customerCode))
        {
            throw new UserException("A contact key needs the customer it belongs to.");
        }

        var customer = await customers.FindAsync(customerCode.Trim(), cancellationToken)
            ?? throw new NotFoundException($"Customer '{customerCode}' does not exist.");
        var now = time.GetUtcNow();
        DateTimeOffset? expiresAt = expiresInDays is { } days ? now.AddDays(days) : null;
        var key = ApiKeys.Generate();
        await keys.AddContactAsync(ApiKeys.Hash(key), customer.Id, now, expiresAt, cancellationToken);
        return new CreatedKeyDto(key, KeyScopeNames.Contact, null, expiresAt) { Customer = customer.Code };
    }
}
