using AppLayer.Protocol;
using AppLayer.Core.History;
using AppLayer.Core.Releases;
using AppLayer.Protocol.Api;
using Microsoft.Data.Sqlite;

namespace AppLayer.Storage.Stores;

internal sealed class SqliteDeploymentStore(SqliteDatabase database) : IDeploymentStore
{
    private const string Selected = "id, installation_id, package_id, package_version, status, message, at";

    public async Task<Deployment?> AddAsync(
        Deployment deployment,
        string reportId,
        string? sha512,
        HistoryEvent? historyEvent,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var stored = await connection.QuerySingleAsync(
            $"""
            INSERT INTO deployments (installation_id, package_id, package_version, status, message, sha512, report_id, at)
            VALUES ($installation, $id, $version, $status, $message, $sha512, $report, $at)
            ON CONFLICT (report_id) DO NOTHING
            RETURNING {Selected};
            """,
            [
                ("$installation", deployment.InstallationId),
                ("$id", deployment.PackageId),
                ("$version", deployment.Version),
                ("$status", deployment.Status.ToName()),
                ("$message", deployment.Message),
                ("$sha512", sha512),
                ("$report", reportId),
                ("$at", Columns.Instant(deployment.At)),
            ],
            Read,
            cancellationToken,
            transaction);
        if (stored is null)
        {
            return null;
        }

        if (historyEvent is not null)
        {
            await SqliteHistoryStore.InsertAsync(connection, transaction, historyEvent, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task<Deployment?> FindByReportIdAsync(string reportId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync(
            $"SELECT {Selected} FROM deployments WHERE report_id = $report;", [("$report", reportId)], Read, cancellationToken);
    }

    public async Task<IReadOnlyList<Deployment>> ListByInstallationAsync(long installationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            $"SELECT {Selected} FROM deployments WHERE installation_id = $installation ORDER BY at, id;",
            [("$installation", installationId)],
            Read,
            cancellationToken);
    }

    public async Task<IReadOnlyList<Deployment>> ListAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync($"SELECT {Selected} FROM deployments ORDER BY at, id;", [], Read, cancellationToken);
    }

    private static Deployment Read(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetInt64(1),
        r.GetString(2),
        r.GetString(3),
        KebabNames.Parse<DeploymentStatus>(r.GetString(4), "Deployment status"),
        r.GetString(5),
        Columns.ReadInstant(r.GetString(6)));
}
