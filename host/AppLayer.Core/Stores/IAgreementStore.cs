using AppLayer.Core.Model;

namespace AppLayer.Core.Stores;

/// <summary>Agreements are versioned: a change is a new version, the newest one is in force.</summary>
public interface IAgreementStore
{
    /// <summary>Adds the next version of the customer's agreement.</summary>
    Task<Agreement> AddVersionAsync(
        long customerId,
        IReadOnlyList<string> services,
        IReadOnlyList<string> modules,
        DateTimeOffset signedAt,
        CancellationToken cancellationToken);

    Task<Agreement?> FindCurrentAsync(long customerId, CancellationToken cancellationToken);

    /// <returns>The agreement in force for every customer that has one.</returns>
    Task<IReadOnlyList<Agreement>> ListCurrentAsync(CancellationToken cancellationToken);
}
