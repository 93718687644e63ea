using System.Text.Json;
using AppLayer.Protocol;
using Microsoft.Data.Sqlite;

namespace AppLayer.Site.Agent;

/// <summary>
/// <c>&lt;db&gt;.applayer/damaged.json</c>: the agent found the IS database damaged after a worker failed (SQLite's
/// <c>quick_check</c> did not answer <c>ok</c>). Kept beside the database, never in it, so a damaged file cannot
/// lose it. While it exists nothing is applied, run or rolled back; <c>applayer site check --clear-damage</c>
/// removes it once <c>integrity_check</c> passes on the restored database.
/// </summary>
internal static class DamageMark
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The mark, or null when the database is not marked damaged. An unreadable mark still counts as one.</summary>
    public static DamageRecord? Read(SitePaths paths)
    {
        if (!File.Exists(paths.Damaged))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<DamageRecord>(File.ReadAllText(paths.Damaged), Json) ?? Unreadable(paths);
        }
        catch (JsonException)
        {
            return Unreadable(paths);
        }
    }

    public static void Write(SitePaths paths, DamageRecord record)
    {
        Directory.CreateDirectory(paths.Root);
        File.WriteAllText(paths.Damaged + ".tmp", JsonSerializer.Serialize(record, Json));
        File.Move(paths.Damaged + ".tmp", paths.Damaged, overwrite: true);
    }

    public static void Clear(SitePaths paths) => File.Delete(paths.Damaged);

    /// <summary>Refuses to go on when the database is marked damaged.</summary>
    /// <exception cref="UserException">It is.</exception>
    public static void ThrowIfDamaged(SitePaths paths, SiteAgentOptions options)
    {
        if (Read(paths) is { } mark)
        {
            SiteLog.RefusedDamaged(options.Logger, paths.Database, mark.Reason);
            throw new UserException(Refusal(paths, mark));
        }
    }

    public static string Refusal(SitePaths paths, DamageRecord mark) =>
        $"the IS database '{paths.Database}' is damaged ({mark.Reason}; found {mark.FoundAt:yyyy-MM-dd HH:mm} UTC{(mark.PackageId is null ? string.Empty : $" after {mark.PackageId} {mark.Version} failed")}); " +
        $"nothing is applied until an operator restores it from a backup and then runs: applayer site check --db {paths.Database} --clear-damage";

    /// <summary>
    /// SQLite's <c>quick_check</c> (or the slower, fuller <c>integrity_check</c>) of the file: null when it answers
    /// <c>ok</c>, else what it found on one line. Opening it read-write first lets SQLite roll back a hot journal
    /// left by a dead worker, which is the repair a crash needs; what is still wrong after that is damage.
    /// </summary>
    public static async Task<string?> CheckAsync(string database, bool full, CancellationToken cancellationToken)
    {
        var pragma = full ? "integrity_check" : "quick_check";
        try
        {
            await using var connection = IsDatabase.Open(database);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {pragma}(20)";
            var found = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    found.Add(reader.IsDBNull(0) ? "NULL" : reader.GetString(0));
                }
            }

            return found is ["ok"] ? null : OneLine($"{pragma}: {string.Join("; ", found)}");
        }
        catch (SqliteException ex)
        {
            return OneLine($"{pragma}: {ex.Message}");
        }
    }

    private static DamageRecord Unreadable(SitePaths paths) =>
        new($"{Path.GetFileName(paths.Damaged)} is unreadable", null, null, File.GetLastWriteTimeUtc(paths.Damaged));

    private static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= 500 ? line : line[..497] + "...";
    }
}

/// <summary>What <see cref="DamageMark"/> keeps: what was found, after which update, and when.</summary>
internal sealed record DamageRecord(string Reason, string? PackageId, string? Version, DateTimeOffset FoundAt);
