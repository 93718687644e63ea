using System.Globalization;
using System.Text.Json;
using AppLayer.Protocol;
using AppLayer.Site.Reporting;
using Microsoft.Extensions.Logging;
using Microsoft.Data.Sqlite;
using NuGet.Versioning;

namespace AppLayer.Site.Agent;

/// <summary>
/// The agent's own two tables inside the IS database: <c>applayer_site</c> (the enrollment, without the site key:
/// that lives in <see cref="SiteKeyFile"/>; <c>api_key</c> is empty) and <c>applayer_history</c> (what was applied
/// here, and whether the host has been told).
/// </summary>
internal sealed class SiteDatabase
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS applayer_site (
            id           INTEGER PRIMARY KEY CHECK (id = 1),
            host         TEXT NOT NULL,
            api_key      TEXT NOT NULL,
            installation TEXT NOT NULL,
            customer     TEXT NOT NULL,
            modules      TEXT NOT NULL,
            time_zone    TEXT NOT NULL,
            enrolled_at  TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS applayer_history (
            id               INTEGER PRIMARY KEY,
            package_id       TEXT NOT NULL COLLATE NOCASE,
            version          TEXT NOT NULL COLLATE NOCASE,
            sha512           TEXT NOT NULL,
            kind             TEXT NOT NULL,
            title            TEXT NOT NULL,
            legal_references TEXT NOT NULL,
            message          TEXT NOT NULL,
            applied_at       TEXT NOT NULL,
            report_id        TEXT NOT NULL UNIQUE,
            reported_at      TEXT NULL,
            UNIQUE (package_id, version)
        );
        """ + OutboxTable.Schema + RollbackRecord.Schema;

    private SiteDatabase(string path) => Path = path;

    public string Path { get; }

    /// <exception cref="UserException">The file does not exist.</exception>
    public static SiteDatabase Existing(string path)
    {
        if (!File.Exists(path))
        {
            throw new UserException($"IS database '{path}' does not exist (create a demo one with: applayer site init-demo --db {path}).");
        }

        return new SiteDatabase(path);
    }

    public SqliteConnection Connect() => IsDatabase.Open(Path);

    /// <summary>Stores the enrollment: the key in <see cref="SiteKeyFile"/>, the rest in <c>applayer_site</c> (its <c>api_key</c> empty).</summary>
    public async Task EnrollAsync(Enrollment enrollment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        SiteKeyFile.Write(SitePaths.For(Path), enrollment.Key);
        await using var connection = Connect();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await SiteSql.ExecuteAsync(connection, transaction, Schema, cancellationToken);
        await SiteSql.ExecuteAsync(
            connection,
            transaction,
            """
            INSERT INTO applayer_site (id, host, api_key, installation, customer, modules, time_zone, enrolled_at)
            VALUES (1, $host, $key, $installation, $customer, $modules, $timeZone, $at)
            ON CONFLICT (id) DO UPDATE SET host = excluded.host, api_key = excluded.api_key, installation = excluded.installation,
                customer = excluded.customer, modules = excluded.modules, time_zone = excluded.time_zone, enrolled_at = excluded.enrolled_at
            """,
            cancellationToken,
            ("$host", enrollment.Host.ToString()),
            ("$key", string.Empty),
            ("$installation", enrollment.Installation),
            ("$customer", enrollment.Customer),
            ("$modules", string.Join(',', enrollment.Modules)),
            ("$timeZone", enrollment.TimeZone),
            ("$at", Timestamp(now)));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The enrollment, with the key from <see cref="SiteKeyFile"/>. An enrollment from before the key file, whose key is
    /// still in <c>applayer_site</c>, is moved out first: the key written to the file (unless one is there already, which
    /// wins: a snapshot restored from before a re-enrollment must not bring an old key back), then blanked in the table.
    /// </summary>
    /// <exception cref="UserException">The database was never enrolled, or its key file is missing or unreadable.</exception>
    public async Task<Enrollment> ReadEnrollmentAsync(ILogger logger, CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await connection.OpenAsync(cancellationToken);
        if (!await TableExistsAsync(connection, "applayer_site", cancellationToken))
        {
            throw NotEnrolled();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT host, api_key, installation, customer, modules, time_zone FROM applayer_site WHERE id = 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw NotEnrolled();
        }

        var stored = reader.GetString(1).Trim();
        var enrollment = new Enrollment(
            new Uri(reader.GetString(0)),
            stored,
            reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            reader.GetString(5));
        await reader.DisposeAsync();
        var paths = SitePaths.For(Path);
        var key = SiteKeyFile.Read(paths, logger);
        if (stored.Length > 0)
        {
            var outcome = "kept the key already in";
            if (key is null)
            {
                SiteKeyFile.Write(paths, stored);
                (key, outcome) = (stored, "written to");
            }

            // secure_delete: the old row's bytes are zeroed, not left in the page's free space for a plugin reading the file
            await SiteSql.ExecuteAsync(connection, null, "PRAGMA secure_delete = ON; UPDATE applayer_site SET api_key = '' WHERE id = 1; PRAGMA secure_delete = OFF;", cancellationToken);
            SiteLog.SiteKeyMovedOut(logger, Path, SiteKeyFile.PathOf(paths), outcome);
        }

        return key is null
            ? throw new UserException($"the site key of '{Path}' is missing ({SiteKeyFile.PathOf(paths)} does not exist); re-enroll: applayer site enroll --host URL --key KEY --db {Path}")
            : enrollment with { Key = key };
    }

    /// <summary>The agent's own tables, without enrolling (<c>site apply-local</c> on a copy that never was).</summary>
    public async Task EnsureAgentTablesAsync(CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await SiteSql.ExecuteAsync(connection, transaction, Schema, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Who this database was enrolled as (a copy of an enrolled database says so too), without its key and changing
    /// nothing; null when it never was.
    /// </summary>
    public async Task<(Enrollment Identity, bool KeyInside)?> ReadIdentityAsync(CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await connection.OpenAsync(cancellationToken);
        if (!await TableExistsAsync(connection, "applayer_site", cancellationToken))
        {
            return null;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT host, api_key, installation, customer, modules, time_zone FROM applayer_site WHERE id = 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var identity = new Enrollment(
            new Uri(reader.GetString(0)),
            string.Empty,
            reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            reader.GetString(5));
        return (identity, reader.GetString(1).Trim().Length > 0);
    }

    /// <summary>The IS version from <c>is_info</c>.</summary>
    /// <exception cref="UserException">The database has no readable IS version.</exception>
    public async Task<NuGetVersion> ReadIsVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await connection.OpenAsync(cancellationToken);
        string? text = null;
        if (await TableExistsAsync(connection, "is_info", cancellationToken))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT value FROM is_info WHERE key = 'is_version'";
            text = await command.ExecuteScalarAsync(cancellationToken) as string;
        }

        if (text is null || !NuGetVersion.TryParse(text, out var version))
        {
            throw new UserException($"'{Path}' has no IS version (is_info.is_version); is it an IS database?");
        }

        return version;
    }

    /// <summary>The highest applied version of each package id.</summary>
    public async Task<IReadOnlyDictionary<string, NuGetVersion>> ReadAppliedAsync(CancellationToken cancellationToken)
    {
        var applied = new Dictionary<string, NuGetVersion>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in await ReadHistoryAsync(unreportedOnly: false, cancellationToken))
        {
            var version = NuGetVersion.Parse(entry.Version);
            if (!applied.TryGetValue(entry.PackageId, out var known) || version > known)
            {
                applied[entry.PackageId] = version;
            }
        }

        return applied;
    }

    public async Task<IReadOnlyList<HistoryEntry>> ReadHistoryAsync(bool unreportedOnly, CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await connection.OpenAsync(cancellationToken);
        var entries = new List<HistoryEntry>();
        if (!await TableExistsAsync(connection, "applayer_history", cancellationToken))
        {
            return entries;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT package_id, version, sha512, kind, title, legal_references, message, applied_at, report_id, reported_at
            FROM applayer_history
            """ + (unreportedOnly ? " WHERE reported_at IS NULL" : string.Empty) + " ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new HistoryEntry(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                JsonSerializer.Deserialize<string[]>(reader.GetString(5)) ?? [],
                reader.GetString(6),
                DateTimeOffset.Parse(reader.GetString(7), CultureInfo.InvariantCulture),
                reader.GetString(8),
                reader.IsDBNull(9) ? null : DateTimeOffset.Parse(reader.GetString(9), CultureInfo.InvariantCulture)));
        }

        return entries;
    }

    /// <summary>Records an applied update inside the update's own transaction, so both commit together.</summary>
    public static Task InsertHistoryAsync(SqliteConnection connection, SqliteTransaction transaction, HistoryEntry entry, CancellationToken cancellationToken) =>
        SiteSql.ExecuteAsync(
            connection,
            transaction,
            """
            INSERT INTO applayer_history (package_id, version, sha512, kind, title, legal_references, message, applied_at, report_id, reported_at)
            VALUES ($id, $version, $sha512, $kind, $title, $legal, $message, $at, $reportId, NULL)
            """,
            cancellationToken,
            ("$id", entry.PackageId),
            ("$version", entry.Version),
            ("$sha512", entry.Sha512),
            ("$kind", entry.Kind),
            ("$title", entry.Title),
            ("$legal", JsonSerializer.Serialize(entry.LegalReferences)),
            ("$message", entry.Message),
            ("$at", Timestamp(entry.AppliedAt)),
            ("$reportId", entry.ReportId));

    /// <summary>
    /// True when a history or rollback row with this report id was committed. Opening the database
    /// read-write first lets SQLite roll back whatever a killed worker left uncommitted.
    /// </summary>
    public async Task<bool> HasReportAsync(string reportId, CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await connection.OpenAsync(cancellationToken);
        await SiteSql.ExecuteAsync(connection, null, "SELECT COUNT(*) FROM sqlite_master", cancellationToken);
        if (!await TableExistsAsync(connection, "applayer_outbox", cancellationToken))
        {
            return false;
        }

        return Convert.ToInt64(await SiteSql.ScalarAsync(connection, null, "SELECT COUNT(*) FROM applayer_outbox WHERE report_id = $id", cancellationToken, ("$id", reportId)), CultureInfo.InvariantCulture) > 0;
    }

    public async Task MarkReportedAsync(string reportId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE applayer_history SET reported_at = $at WHERE report_id = $reportId";
        command.Parameters.AddWithValue("$at", Timestamp(at));
        command.Parameters.AddWithValue("$reportId", reportId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private UserException NotEnrolled() =>
        new($"'{Path}' is not enrolled; run: applayer site enroll --host URL --key KEY --db {Path}");

    private static string Timestamp(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static async Task<bool> TableExistsAsync(SqliteConnection connection, string table, CancellationToken cancellationToken) =>
        Convert.ToInt64(
            await SiteSql.ScalarAsync(connection, null, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name", cancellationToken, ("$name", table)),
            CultureInfo.InvariantCulture) > 0;
}
