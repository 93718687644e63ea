using AppLayer.Core.History;

namespace AppLayer.Core.LegalChanges;

/// <summary>
/// Legal changes with their references (each reference unique within a jurisdiction), audit trail
/// and explicit package links. Every write is one transaction with its audit lines.
/// </summary>
public interface ILegalChangeStore
{
    /// <summary>Records a legal change, its audit line and the history events it causes, in one transaction.</summary>
    /// <returns>The stored change, or <c>null</c> when one of its references (or its external id) exists already.</returns>
    Task<LegalChange?> AddAsync(LegalChange change, IReadOnlyList<HistoryEvent> events, LegalChangeAudit audit, CancellationToken cancellationToken);

    Task<LegalChange?> FindAsync(long id, CancellationToken cancellationToken);

    Task<LegalChange?> FindByExternalIdAsync(string externalId, CancellationToken cancellationToken);

    /// <returns>The changes that hold any of <paramref name="references"/> in <paramref name="jurisdiction"/>.</returns>
    Task<IReadOnlyList<LegalChange>> FindByReferencesAsync(string jurisdiction, IReadOnlyList<string> references, CancellationToken cancellationToken);

    /// <returns>Every legal change, by effective date.</returns>
    Task<IReadOnlyList<LegalChange>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Saves <paramref name="change"/> if the stored revision is still <see cref="LegalChange.Revision"/>, with its audit lines.</summary>
    Task<LegalChangeSaveResult> UpdateAsync(LegalChange change, IReadOnlyList<LegalChangeAudit> audit, CancellationToken cancellationToken);

    /// <returns>The change's audit trail, oldest first.</returns>
    Task<IReadOnlyList<LegalChangeAudit>> ListAuditAsync(long legalChangeId, CancellationToken cancellationToken);

    /// <returns>Every change's status lines of the audit trail (field <c>status</c>), oldest first, in one query.</returns>
    Task<IReadOnlyList<LegalChangeAudit>> ListStatusAuditAsync(CancellationToken cancellationToken);

    /// <returns><c>false</c> when the link exists already (nothing is written then).</returns>
    Task<bool> LinkPackageAsync(LegalChangePackageLink link, LegalChangeAudit audit, CancellationToken cancellationToken);

    /// <returns><c>false</c> when there was no such link.</returns>
    Task<bool> UnlinkPackageAsync(long legalChangeId, string packageId, LegalChangeAudit audit, CancellationToken cancellationToken);

    /// <returns>Every explicit package link.</returns>
    Task<IReadOnlyList<LegalChangePackageLink>> ListLinksAsync(CancellationToken cancellationToken);
}
