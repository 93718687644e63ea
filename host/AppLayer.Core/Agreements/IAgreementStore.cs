namespace AppLayer.Core.Agreements;

/// <summary>
/// The customers' agreements. Agreements are versioned: an amendment is a new version with its services, modules,
/// terms and the day it takes effect. One notion of "in force" for every feature (feed, gates, compliance, service
/// desk): <see cref="AgreementHistory.On"/>, the latest signed of the versions already effective on a day; see
/// <see cref="AgreementsInForce"/> for today's.
/// </summary>
public interface IAgreementStore
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

    /// <returns>Every version of the customer's agreement, oldest first (versions signed without terms carry the default terms).</returns>
    Task<AgreementHistory> HistoryAsync(long customerId, CancellationToken cancellationToken);

    /// <returns>Every customer's history that has at least one version, in one read.</returns>
    Task<IReadOnlyDictionary<long, AgreementHistory>> HistoriesAsync(CancellationToken cancellationToken);
}
