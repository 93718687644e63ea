using AppLayer.Core.History;

namespace AppLayer.Core.Releases;

public interface IReleaseGateStore
{
    /// <returns>The stored gate, or <c>null</c> when the package version is gated already.</returns>
    Task<ReleaseGate?> AddGateAsync(ReleaseGate gate, CancellationToken cancellationToken);

    Task<ReleaseGate?> FindGateAsync(string packageId, string version, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReleaseGate>> ListGatesAsync(CancellationToken cancellationToken);

    /// <summary>Stores a rehearsal report and its history event in one transaction, once per report id.</summary>
    /// <returns><c>false</c> when the report id was seen before.</returns>
    Task<bool> AddRehearsalAsync(RehearsalReport report, HistoryEvent historyEvent, CancellationToken cancellationToken);

    Task<RehearsalReport?> FindRehearsalAsync(string reportId, CancellationToken cancellationToken);

    /// <returns>Every installation's rehearsals of one package version, oldest first.</returns>
    Task<IReadOnlyList<RehearsalReport>> ListRehearsalsAsync(string packageId, string version, CancellationToken cancellationToken);

    Task<IReadOnlyList<GateApproval>> ListApprovalsAsync(string packageId, string version, CancellationToken cancellationToken);

    /// <summary>Stores an approval and its history event in one transaction.</summary>
    /// <returns><c>false</c> when the installation was approved already (nothing written).</returns>
    Task<bool> ApproveAsync(GateApproval approval, HistoryEvent historyEvent, CancellationToken cancellationToken);
}
