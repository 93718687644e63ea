using AppLayer.Core.History;
using AppLayer.Core.Releases;
using Microsoft.Data.Sqlite;

namespace AppLayer.Storage.Stores.SystemLayer;

internal sealed class SqliteReleaseGateStore(SqliteDatabase database) : IReleaseGateStore
{
    private const string GateColumns = "package_id, version, gated_at, gated_by";
    private const string RehearsalColumns = "installation_id, report_id, package_id, version, succeeded, message, sha512, at";
    private const string ApprovalColumns = "installation_id, package_id, version, rehearsal_report_id, approved_at, approved_by";

    public async Task<ReleaseGate?> AddGateAsync(ReleaseGate gate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gate);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync(
            $"INSERT INTO release_gates ({GateColumns}) VALUES ($id, $version, $at, $by) ON CONFLICT DO NOTHING RETURNING {GateColumns};",
            [("$id", gate.PackageId), ("$version", gate.Version), ("$at", Columns.Instant(gate.GatedAt)), ("$by", gate.GatedBy)],
            ReadGate,
            cancellationToken);
    }

    public async Task<ReleaseGate?> FindGateAsync(string packageId, string version, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync(
            $"SELECT {GateColumns} FROM release_gates WHERE package_id = $id AND version = $version;", [("$id", packageId), ("$version", version)], ReadGate, cancellationToken);
    }

    public async Task<IReadOnlyList<ReleaseGate>> ListGatesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync($"SELECT {GateColumns} FROM release_gates ORDER BY gated_at, package_id;", [], ReadGate, cancellationToken);
    }

    public async Task<bool> AddRehearsalAsync(RehearsalReport report, HistoryEvent historyEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        return await InsertWithHistoryAsync(
            $"INSERT INTO rehearsal_reports ({RehearsalColumns}) VALUES ($installation, $report, $id, $version, $ok, $message, $sha, $at) ON CONFLICT (report_id) DO NOTHING;",
            [
                ("$installation", report.InstallationId),
                ("$report", report.ReportId),
                ("$id", report.PackageId),
                ("$version", report.Version),
                ("$ok", report.Succeeded ? 1 : 0),
                ("$message", report.Message),
                ("$sha", report.Sha512),
                ("$at", Columns.Instant(report.At)),
            ],
            historyEvent,
            cancellationToken);
    }

    public async Task<RehearsalReport?> FindRehearsalAsync(string reportId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync(
            $"SELECT {RehearsalColumns} FROM rehearsal_reports WHERE report_id = $report;", [("$report", reportId)], ReadRehearsal, cancellationToken);
    }

    public async Task<IReadOnlyList<RehearsalReport>> ListRehearsalsAsync(string packageId, string version, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            $"SELECT {RehearsalColumns} FROM rehearsal_reports WHERE package_id = $id AND version = $version ORDER BY at, id;",
            [("$id", packageId), ("$version", version)],
            ReadRehearsal,
            cancellationToken);
    }

    public async Task<IReadOnlyList<GateApproval>> ListApprovalsAsync(string packageId, string version, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            $"SELECT {ApprovalColumns} FROM gate_approvals WHERE package_id = $id AND version = $version ORDER BY approved_at;",
            [("$id", packageId), ("$version", version)],
            ReadApproval,
            cancellationToken);
    }

    public async Task<bool> ApproveAsync(GateApproval approval, HistoryEvent historyEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(approval);
        return await InsertWithHistoryAsync(
            $"INSERT INTO gate_approvals ({ApprovalColumns}) VALUES ($installation, $id, $version, $report, $at, $by) ON CONFLICT DO NOTHING;",
            [
                ("$installation", approval.InstallationId),
                ("$id", approval.PackageId),
                ("$version", approval.Version),
                ("$report", approval.RehearsalReportId),
                ("$at", Columns.Instant(approval.ApprovedAt)),
                ("$by", approval.ApprovedBy),
            ],
            historyEvent,
            cancellationToken);
    }

    /// <summary>
    /// Runs an insert that may hit its conflict clause and, only when it added a row, records the history event in
    /// the same transaction; false (nothing stored) when the row was there already.
    /// </summary>
    private async Task<bool> InsertWithHistoryAsync(
        string insert,
        IEnumerable<(string Name, object? Value)> parameters,
        HistoryEvent historyEvent,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var added = await connection.ExecuteAsync(insert, parameters, cancellationToken, transaction);
        if (added == 0)
        {
            return false;
        }

        await SqliteHistoryStore.InsertAsync(connection, transaction, historyEvent, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static ReleaseGate ReadGate(SqliteDataReader r) => new(r.GetString(0), r.GetString(1), Columns.ReadInstant(r.GetString(2)), r.GetString(3));

    private static RehearsalReport ReadRehearsal(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4) != 0, r.GetString(5), r.GetNullableString(6), Columns.ReadInstant(r.GetString(7)));

    private static GateApproval ReadApproval(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), Columns.ReadInstant(r.GetString(4)), r.GetString(5));
}
