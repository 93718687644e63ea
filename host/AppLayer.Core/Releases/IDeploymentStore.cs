using AppLayer.Core.History;

namespace AppLayer.Core.Releases;

public interface IDeploymentStore
{
    /// <summary>Stores a site's report and its history event, in one transaction, once per <paramref name="reportId"/>.</summary>
    /// <returns>The stored deployment, or <c>null</c> when the report id was seen before.</returns>
    Task<Deployment?> AddAsync(
        Deployment deployment,
        string reportId,
        string? sha512,
        HistoryEvent? historyEvent,
        CancellationToken cancellationToken);

    Task<Deployment?> FindByReportIdAsync(string reportId, CancellationToken cancellationToken);

    /// <returns>One installation's deployments, oldest first.</returns>
    Task<IReadOnlyList<Deployment>> ListByInstallationAsync(long installationId, CancellationToken cancellationToken);

    /// <returns>Every installation's deployments in one query, oldest first (by time, then by arrival).</returns>
    Task<IReadOnlyList<Deployment>> ListAllAsync(CancellationToken cancellationToken);
}
