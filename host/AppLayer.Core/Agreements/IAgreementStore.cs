
namespace AppLayer.Core.Agreements;

/// <summary>
/// Agreements are versioned: a change is a new version, the newest one is in force. This is the Foundation's view
/// (entitlements: which services and modules a customer has, for the feed, gates and compliance). The service desk
/// reads and amends the same versions, with their terms and effective day, through
/// <see cref="Service.Agreements.IServiceAgreementStore"/>; one store implements both over the one <c>agreements</c>
/// table, so a version added here is in the service desk's history (on default terms, effective the day it was signed).
/// </summary>
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
