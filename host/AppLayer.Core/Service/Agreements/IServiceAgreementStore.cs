using AppLayer.Core.Model;

namespace AppLayer.Core.Service.Agreements;

/// <summary>Agreement versions with their terms (the same versions as <see cref="Stores.IAgreementStore"/>).</summary>
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
