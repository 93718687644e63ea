
namespace AppLayer.Core.Installations;

public interface IInstallationStore
{
    /// <returns>The stored installation, or <c>null</c> when its code exists (codes are unique across customers).</returns>
    Task<Installation?> AddAsync(Installation installation, CancellationToken cancellationToken);

    Task<Installation?> FindAsync(string code, CancellationToken cancellationToken);

    Task<Installation?> FindByIdAsync(long id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Installation>> ListAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<Installation>> ListByCustomerAsync(long customerId, CancellationToken cancellationToken);
}
