using System.Globalization;
using AppLayer.Protocol.Api;
using NuGet.Versioning;

namespace AppLayer.Site.Agent;

/// <summary>
/// A rolled-back update is held at this site: the last row of <c>applayer_rollbacks</c> for its id and version keeps
/// it from being applied again, by <c>site run</c> and by an offline bundle alike, until the host lists it with that
/// rollback's report id in <see cref="AvailableUpdateDto.ReleasedHold"/> (a manager released the hold). The host also
/// stops listing it meanwhile; this record holds even when the host cannot be asked, or an older bundle carries it.
/// </summary>
internal static class Holds
{
    /// <summary>The last rollback of each id and version (key: <see cref="Key"/>).</summary>
    public static async Task<IReadOnlyDictionary<string, RollbackEntry>> ReadAsync(SiteDatabase database, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, RollbackEntry>(StringComparer.OrdinalIgnoreCase);
        await using var connection = database.Connect();
        await connection.OpenAsync(cancellationToken);
        if (Convert.ToInt64(await SiteSql.ScalarAsync(connection, null, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'applayer_rollbacks'", cancellationToken), CultureInfo.InvariantCulture) == 0)
        {
            return latest;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT package_id, version, method, message, rolled_back_at, report_id FROM applayer_rollbacks ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = new RollbackEntry(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture), reader.GetString(5));
            latest[Key(entry.PackageId, entry.Version)] = entry;
        }

        return latest;
    }

    /// <returns>The rollback that holds this listed update back, or null when none does (never rolled back, or released).</returns>
    public static RollbackEntry? HeldBy(IReadOnlyDictionary<string, RollbackEntry> rollbacks, AvailableUpdateDto listing) =>
        rollbacks.TryGetValue(Key(listing.Id, listing.Version), out var rollback) && !string.Equals(rollback.ReportId, listing.ReleasedHold, StringComparison.Ordinal)
            ? rollback
            : null;

    public static string Key(string id, string version) =>
        id.ToLowerInvariant() + "/" + (NuGetVersion.TryParse(version, out var v) ? v.ToNormalizedString() : version).ToLowerInvariant();
}
