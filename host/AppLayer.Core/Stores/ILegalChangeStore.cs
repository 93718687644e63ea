using AppLayer.Core.Model;

namespace AppLayer.Core.Stores;

public interface ILegalChangeStore
{
    /// <summary>Records a legal change and the history events it causes, in one transaction.</summary>
    /// <returns>The stored change, or <c>null</c> when its reference and jurisdiction exist already.</returns>
    Task<LegalChange?> AddAsync(LegalChange change, IReadOnlyList<HistoryEvent> events, CancellationToken cancellationToken);

    /// <returns>Every legal change, by effective date.</returns>
    Task<IReadOnlyList<LegalChange>> ListAsync(CancellationToken cancellationToken);
}
