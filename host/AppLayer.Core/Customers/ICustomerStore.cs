
namespace AppLayer.Core.Customers;

public interface ICustomerStore
{
    /// <returns>The new customer, or <c>null</c> when the code exists (compared case-insensitively).</returns>
    Task<Customer?> AddAsync(string code, string name, DateTimeOffset createdAt, CancellationToken cancellationToken);

    Task<Customer?> FindAsync(string code, CancellationToken cancellationToken);

    Task<Customer?> FindByIdAsync(long id, CancellationToken cancellationToken);

    /// <returns>Every customer, by code.</returns>
    Task<IReadOnlyList<Customer>> ListAsync(CancellationToken cancellationToken);
}
