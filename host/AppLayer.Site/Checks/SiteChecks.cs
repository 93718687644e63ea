using System.Globalization;
using System.Runtime.InteropServices;
using AppLayer.Site.Agent;
using Microsoft.Data.Sqlite;

namespace AppLayer.Site.Checks;

/// <summary>
/// The operational checks of one installation: database integrity, free disk, database growth since
/// the last check, missing planner statistics, and the server's load, memory and uptime; plus the
/// system software inventory (OS, .NET runtime, database engine, IS version). Each finding is stored
/// in <c>applayer_findings</c>; the IS data itself is only read.
/// </summary>
internal static class SiteChecks
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS applayer_findings (
            id             INTEGER PRIMARY KEY,
            checked_at     TEXT NOT NULL,
            check_name     TEXT NOT NULL,
            severity       TEXT NOT NULL,
            message        TEXT NOT NULL,
            recommendation TEXT NULL,
            db_bytes       INTEGER NOT NULL
        );
        """;

    public static async Task<CheckReport> RunAsync(SiteDatabase database, Enrollment enrollment, SiteAgentOptions options, CancellationToken cancellationToken)
    {
        var now = options.Clock.GetUtcNow();
        var size = new FileInfo(database.Path).Length;
        var findings = new List<Finding>();
        await using var connection = database.Connect();
        await connection.OpenAsync(cancellationToken);

        var integrity = Convert.ToString(await SiteSql.ScalarAsync(connection, null, "PRAGMA integrity_check", cancellationToken), CultureInfo.InvariantCulture);
        findings.Add(integrity == "ok"
            ? new Finding("integrity", "ok", "PRAGMA integrity_check: ok", null)
            : new Finding("integrity", "error", $"PRAGMA integrity_check: {integrity}", "stop the IS, restore the last good backup and call support before anything else writes to it"));

        var free = options.FreeDiskSpace(Path.GetDirectoryName(database.Path)!);
        findings.Add(free < size * 3
            ? new Finding("free-disk", free < size ? "error" : "warning", $"{Mib(free)} free beside a {Mib(size)} database", "free at least three times the database size: an update needs room for the journal, the rehearsal copy and a snapshot")
            : new Finding("free-disk", "ok", $"{Mib(free)} free beside a {Mib(size)} database", null));

        var previous = await PreviousSizeAsync(connection, cancellationToken);
        if (previous is { } before && before > 0 && size > before * 1.2)
        {
            findings.Add(new Finding("db-growth", "warning", $"the database grew from {Mib(before)} to {Mib(size)} ({(size - before) * 100.0 / before:0}%) since the last check", "find what grows (logs, attachments, temporary tables) and archive or clean it"));
        }
        else
        {
            findings.Add(new Finding("db-growth", previous is null ? "info" : "ok", previous is null ? $"first check: {Mib(size)}" : $"{Mib(previous.Value)} → {Mib(size)} since the last check", null));
        }

        findings.Add(await StatisticsAsync(connection, cancellationToken));
        findings.Add(await SnapshotsAsync(database, now, cancellationToken));
        var sandbox = Isolation.WorkerSandbox.Probe(options);
        findings.Add(sandbox.Available
            ? new Finding("sandbox", "ok", $"update plugins run in the worker sandbox: {sandbox.Description}, native memory limited", null)
            : new Finding("sandbox", options.AllowUnsandboxed ? "warning" : "error", Isolation.WorkerSandbox.Warning(sandbox, options), "install bubblewrap (Debian: apt-get install bubblewrap) so each update plugin runs in a private mount namespace"));
        findings.AddRange(ServerFindings());

        var inventory = new Dictionary<string, string>
        {
            ["os"] = RuntimeInformation.OSDescription,
            ["dotnet"] = RuntimeInformation.FrameworkDescription,
            ["sqlite"] = Convert.ToString(await SiteSql.ScalarAsync(connection, null, "SELECT sqlite_version()", cancellationToken), CultureInfo.InvariantCulture) ?? "?",
            ["is"] = (await database.ReadIsVersionAsync(cancellationToken)).ToNormalizedString(),
        };

        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken))
        {
            await SiteSql.ExecuteAsync(connection, transaction, Schema, cancellationToken);
            foreach (var finding in findings)
            {
                await SiteSql.ExecuteAsync(
                    connection,
                    transaction,
                    "INSERT INTO applayer_findings (checked_at, check_name, severity, message, recommendation, db_bytes) VALUES ($at, $check, $severity, $message, $recommendation, $size)",
                    cancellationToken,
                    ("$at", now.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
                    ("$check", finding.Check),
                    ("$severity", finding.Severity),
                    ("$message", finding.Message),
                    ("$recommendation", finding.Recommendation),
                    ("$size", size));
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return new CheckReport(enrollment.Installation, now, findings, inventory);
    }

    private static async Task<long?> PreviousSizeAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var exists = Convert.ToInt64(await SiteSql.ScalarAsync(connection, null, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'applayer_findings'", cancellationToken), CultureInfo.InvariantCulture) > 0;
        return exists && await SiteSql.ScalarAsync(connection, null, "SELECT db_bytes FROM applayer_findings ORDER BY id DESC LIMIT 1", cancellationToken) is long bytes ? bytes : null;
    }

    private static async Task<Finding> StatisticsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var indexed = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'index' AND tbl_name NOT LIKE 'sqlite%' ORDER BY tbl_name";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                indexed.Add(reader.GetString(0));
            }
        }

        var analysed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var hasStats = Convert.ToInt64(await SiteSql.ScalarAsync(connection, null, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1'", cancellationToken), CultureInfo.InvariantCulture) > 0;
        if (hasStats)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT DISTINCT tbl FROM sqlite_stat1";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                analysed.Add(reader.GetString(0));
            }
        }

        var missing = indexed.Where(t => !analysed.Contains(t)).ToList();
        return missing.Count == 0
            ? new Finding("statistics", "ok", "every indexed table has planner statistics", null)
            : new Finding("statistics", "warning", $"{missing.Count} indexed table(s) have no planner statistics: {string.Join(", ", missing.Take(10))}", "run ANALYZE in the maintenance window");
    }

    private static IEnumerable<Finding> ServerFindings()
    {
        if (!File.Exists("/proc/loadavg") || !File.Exists("/proc/meminfo") || !File.Exists("/proc/uptime"))
        {
            yield return new Finding("server", "info", $"CPU, memory and uptime are read from /proc, which {RuntimeInformation.OSDescription} does not have", null);
            yield break;
        }

        var load = double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[1], CultureInfo.InvariantCulture);
        var cores = Environment.ProcessorCount;
        yield return load > cores * 2
            ? new Finding("cpu", "warning", $"load average (5 min) {load:0.00} on {cores} core(s)", "the server is overloaded; move other work away or add CPU")
            : new Finding("cpu", "ok", $"load average (5 min) {load:0.00} on {cores} core(s)", null);

        var memory = File.ReadAllLines("/proc/meminfo").Select(l => l.Split(':')).ToDictionary(p => p[0], p => long.Parse(p[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024);
        var total = memory.GetValueOrDefault("MemTotal");
        var available = memory.GetValueOrDefault("MemAvailable");
        yield return total > 0 && available < total / 10
            ? new Finding("memory", "warning", $"{Mib(available)} of {Mib(total)} memory available", "less than 10 % is free; add memory or stop what uses it")
            : new Finding("memory", "ok", $"{Mib(available)} of {Mib(total)} memory available", null);

        var uptime = TimeSpan.FromSeconds(double.Parse(File.ReadAllText("/proc/uptime").Split(' ')[0], CultureInfo.InvariantCulture));
        yield return uptime > TimeSpan.FromDays(180)
            ? new Finding("uptime", "warning", $"up {uptime.TotalDays:0} days", "the server has not restarted in half a year; it likely misses OS security updates")
            : new Finding("uptime", "ok", $"up {uptime.TotalDays:0.0} days", null);
    }

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.0} MiB");

    /// <summary>The snapshots kept beside the database: how many, their bytes, the oldest, and the retention that prunes them.</summary>
    private static async Task<Finding> SnapshotsAsync(SiteDatabase database, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var paths = SitePaths.For(database.Path);
        var retention = await SiteSettings.ReadRetentionAsync(database, cancellationToken);
        var snapshots = SnapshotStore.List(paths);
        if (snapshots.Count == 0)
        {
            return new Finding("snapshots", "ok", $"no snapshots; retention: {retention}", null);
        }

        var oldest = snapshots[^1];
        var message = string.Create(CultureInfo.InvariantCulture, $"{snapshots.Count} snapshot(s), {Mib(snapshots.Sum(s => s.Bytes))} in all, the oldest {Path.GetFileName(oldest.Path)} taken {oldest.TakenAt:yyyy-MM-dd} ({(now - oldest.TakenAt).TotalDays:0} days ago); retention: {retention} (pruned after each successful run)");
        return new Finding("snapshots", "ok", message, null);
    }
}
