using AppLayer.Core.SystemLayer;
using AppLayer.Protocol;

namespace AppLayer.Core.SystemLayer;

public interface ISystemInventoryStore
{
    /// <summary>
    /// Records a report id once and keeps the inventory when it is newer than the stored one, in one transaction.
    /// </summary>
    /// <returns><c>true</c> the first time the report id is seen, <c>false</c> for a repeat.</returns>
    /// <exception cref="ConflictException">Another installation sent a report with the same id.</exception>
    Task<bool> SaveAsync(StoredInventory inventory, CancellationToken cancellationToken);

    Task<StoredInventory?> FindAsync(long installationId, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredInventory>> ListAsync(CancellationToken cancellationToken);

    /// <returns>The inventories of one customer's installations only (one query, however large the fleet).</returns>
    Task<IReadOnlyList<StoredInventory>> ListByCustomerAsync(long customerId, CancellationToken cancellationToken);
}
