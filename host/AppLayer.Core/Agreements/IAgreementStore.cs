namespace AppLayer.Core.Agreements;

/// <summary>
/// The customers' agreements. Agreements are versioned: an amendment is a new version with its services, modules,
/// terms and the day it takes effect. One notion of "in force" for every feature (feed, gates, compliance, service
/// desk): <see cref="AgreementHistory.On"/>, of the versions not superseded the one with the latest effective day on or
/// before a day (rules for amendments in <see cref="AgreementAmendment"/>); see
/// <see cref="AgreementsInForce"/> for today's.
/// </summary>
public interface IAgreementStore
{
    /// <summary>
    /// Signs the next version: services, modules, terms and the day it takes effect, and marks the versions it
    /// <paramref name="supersedes"/>, in one write, provided the latest version is still <paramref name="basedOn"/>.
    /// </summary>
    /// <exception cref="AppLayer.Protocol.ConflictException">Another version was signed since <paramref name="basedOn"/>.</exception>
    Task<ServiceAgreement> AmendAsync(
        long customerId,
        IReadOnlyList<string> services,
        IReadOnlyList<string> modules,
        AgreementTerms terms,
        DateOnly effectiveFrom,
        DateTimeOffset signedAt,
        IReadOnlyList<int> supersedes,
        int basedOn,
        CancellationToken cancellationToken);

    /// <returns>Every version of the customer's agreement, oldest first (versions signed without terms carry the default terms).</returns>
    Task<AgreementHistory> HistoryAsync(long customerId, CancellationToken cancellationToken);

    /// <returns>Every customer's history that has at least one version, in one read.</returns>
    Task<IReadOnlyDictionary<long, AgreementHistory>> HistoriesAsync(CancellationToken cancellationToken);
}
