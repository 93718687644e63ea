
namespace AppLayer.Core.Agreements;

/// <summary>
/// The service desk's view of agreement versions: with their terms and the day each takes effect. These are the very
/// versions of <see cref="Stores.IAgreementStore"/> (one store, one <c>agreements</c> table, one version sequence), not a
/// second record: an amendment here is also the Foundation's newest version. Note the two views pick "the agreement in
/// force" differently: the Foundation takes the newest version, the service desk the newest already effective on a day
/// (<see cref="AgreementHistory.On"/>).
/// </summary>
public interface IServiceAgreementStore
{
    /// <summary>Signs the next version: services, modules, terms and the day it takes effect, in one write.</summary>
    Task<ServiceAgreement> AmendAsync(
        long customerId,
        IReadOnlyList<string> services,
        IReadOnlyList<string> modules,
        AgreementTerms terms,
        DateOnly effectiveFrom,
        DateTimeOffset signedAt,
        CancellationToken cancellationToken);

    /// <returns>Every version, oldest first; versions signed without terms carry the default terms.</returns>
    Task<AgreementHistory> HistoryAsync(long customerId, CancellationToken cancellationToken);
}
