using System.Globalization;
using System.Text.Json;
using AppLayer.Protocol.Api;
using Microsoft.Data.Sqlite;

namespace AppLayer.Site.Reporting;

/// <summary>
/// <c>applayer_outbox</c> inside the IS database: the report of every change the agent made there,
/// written in the same transaction as the change, so a change without its report cannot exist.
/// A row is sent until the host accepts it (the report id is the idempotency key), then marked sent.
/// </summary>
internal static class OutboxTable
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS applayer_outbox (
            report_id  TEXT PRIMARY KEY,
            package_id TEXT NOT NULL,
            version    TEXT NOT NULL,
            status     TEXT NOT NULL,
            payload    TEXT NOT NULL,
            created_at TEXT NOT NULL,
            attempts   INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NULL,
            sent_at    TEXT NULL
        );
        """;

    /// <summary>Adds a report inside the caller's transaction (creating the table the first time).</summary>
    public static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, DeploymentReportDto report, CancellationToken cancellationToken)
    {
        await SiteSql.InsertAsync(connection, transaction, Schema, "applayer_outbox", cancellationToken,
            ("report_id", report.ReportId), ("package_id", report.PackageId), ("version", report.Version),
            ("status", report.Status), ("payload", JsonSerializer.Serialize(report, JsonSerializerOptions.Web)), ("created_at", Timestamp(report.At)));
    }

    /// <summary>The reports not yet accepted by the host, oldest first.</summary>
    public static async Task<IReadOnlyList<DeploymentReportDto>> UnsentAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var reports = new List<DeploymentReportDto>();
        if (!await ExistsAsync(connection, cancellationToken))
        {
            return reports;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM applayer_outbox WHERE sent_at IS NULL ORDER BY created_at, rowid";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            reports.Add(JsonSerializer.Deserialize<DeploymentReportDto>(reader.GetString(0), JsonSerializerOptions.Web)!);
        }

        return reports;
    }

    /// <summary>Marks a report sent, and the history row it belongs to reported.</summary>
    public static async Task MarkSentAsync(SqliteConnection connection, string reportId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await SiteSql.ExecuteAsync(connection, transaction, "UPDATE applayer_outbox SET sent_at = $at, attempts = attempts + 1, last_error = NULL WHERE report_id = $id", cancellationToken, ("$at", Timestamp(at)), ("$id", reportId));
        await SiteSql.ExecuteAsync(connection, transaction, "UPDATE applayer_history SET reported_at = $at WHERE report_id = $id", cancellationToken, ("$at", Timestamp(at)), ("$id", reportId));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Counts a failed attempt with its reason.</summary>
    public static Task MarkAttemptAsync(SqliteConnection connection, string reportId, string error, CancellationToken cancellationToken) =>
        SiteSql.ExecuteAsync(connection, null, "UPDATE applayer_outbox SET attempts = attempts + 1, last_error = $error WHERE report_id = $id", cancellationToken, ("$error", error), ("$id", reportId));

    public static async Task<bool> ExistsAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        Convert.ToInt64(
            await SiteSql.ScalarAsync(connection, null, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'applayer_outbox'", cancellationToken),
            CultureInfo.InvariantCulture) > 0;

    private static string Timestamp(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
