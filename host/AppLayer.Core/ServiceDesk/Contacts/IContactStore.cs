namespace AppLayer.Core.ServiceDesk.Contacts;

public interface IContactStore
{
    /// <returns>The new contact, or <c>null</c> when the e-mail address belongs to a contact already.</returns>
    Task<Contact?> AddAsync(long customerId, string email, string name, string portalHash, DateTimeOffset createdAt, CancellationToken cancellationToken);

    Task<Contact?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    Task<Contact?> FindByPortalHashAsync(string portalHash, CancellationToken cancellationToken);

    Task<IReadOnlyList<Contact>> ListAsync(long customerId, CancellationToken cancellationToken);
}
