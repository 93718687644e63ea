using System.Globalization;
using Microsoft.Data.Sqlite;

namespace AppLayer.Site.Agent;

/// <summary>
/// One IS table changed since an update was applied: its rows then and now, and what restoring the snapshot
/// from before the update would undo in it, row by row against the snapshot (null where rows cannot be matched:
/// a table without rowid, or one whose columns differ from the snapshot's).
/// </summary>
internal sealed record TableChange(string Table, long? RowsAfterUpdate, long RowsNow, long? Added, long? Removed, long? Changed)
{
    public string Describe(string update)
    {
        var then = RowsAfterUpdate is { } after ? $"{after:N0} after {update} was applied" : "not there after the update";
        var rows = Added is null
            ? "its rows cannot be matched with the snapshot's"
            : $"restoring would undo {Added:N0} added, {Removed:N0} removed, {Changed:N0} changed row(s)";
        return string.Create(CultureInfo.InvariantCulture, $"{Table}: {RowsNow:N0} row(s) now, {then}; {rows}");
    }
}

/// <summary>
/// What a snapshot restore would lose that the update did not do: the IS tables whose fingerprint
/// (<see cref="TableFingerprints"/>) differs from the one taken right after the update committed. Without that
/// record (an update applied by an older agent) every table that differs from the snapshot counts. Only reads.
/// </summary>
internal static class ChangesSinceUpdate
{
    public static async Task<IReadOnlyList<TableChange>> FindAsync(string database, string snapshot, CancellationToken cancellationToken)
    {
        var now = await TableFingerprints.ReadAsync(database, cancellationToken);
        var after = TableFingerprints.ReadFile(TableFingerprints.AfterFileOf(snapshot))
            ?? await TableFingerprints.ReadAsync(snapshot, cancellationToken);
        var changed = now.Keys.Union(after.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Where(t => !(now.TryGetValue(t, out var n) && after.TryGetValue(t, out var a) && n == a))
            .ToList();
        if (changed.Count == 0)
        {
            return [];
        }

        var list = new List<TableChange>();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await SiteSql.ExecuteAsync(connection, null, "ATTACH DATABASE $snapshot AS snap", cancellationToken, ("$snapshot", snapshot));
        var tables = (await TableFingerprints.IsTablesAsync(connection, "main", cancellationToken)).ToDictionary(t => t.Name, t => t.WithoutRowid, StringComparer.Ordinal);
        var old = (await TableFingerprints.IsTablesAsync(connection, "snap", cancellationToken)).ToDictionary(t => t.Name, t => t.WithoutRowid, StringComparer.Ordinal);
        foreach (var table in changed)
        {
            long? rowsAfter = after.TryGetValue(table, out var a) ? a.Rows : null;
            var rowsNow = now.TryGetValue(table, out var n) ? n.Rows : 0;
            if (!tables.ContainsKey(table))
            {
                list.Add(new TableChange(table, rowsAfter, 0, 0, old.ContainsKey(table) ? await CountAsync(connection, $"SELECT COUNT(*) FROM snap.{TableFingerprints.Quote(table)}", cancellationToken) : 0, 0));
                continue;
            }

            if (!old.ContainsKey(table))
            {
                list.Add(new TableChange(table, rowsAfter, rowsNow, rowsNow, 0, 0));
                continue;
            }

            var columns = await ColumnsAsync(connection, "main", table, cancellationToken);
            if (tables[table] || old[table] || !columns.SequenceEqual(await ColumnsAsync(connection, "snap", table, cancellationToken), StringComparer.Ordinal))
            {
                list.Add(new TableChange(table, rowsAfter, rowsNow, null, null, null));
                continue;
            }

            var q = TableFingerprints.Quote(table);
            var differs = string.Join(" OR ", columns.Select(c => $"l.{TableFingerprints.Quote(c)} IS NOT s.{TableFingerprints.Quote(c)}"));
            list.Add(new TableChange(
                table,
                rowsAfter,
                rowsNow,
                await CountAsync(connection, $"SELECT COUNT(*) FROM main.{q} WHERE rowid NOT IN (SELECT rowid FROM snap.{q})", cancellationToken),
                await CountAsync(connection, $"SELECT COUNT(*) FROM snap.{q} WHERE rowid NOT IN (SELECT rowid FROM main.{q})", cancellationToken),
                await CountAsync(connection, $"SELECT COUNT(*) FROM main.{q} l JOIN snap.{q} s ON l.rowid = s.rowid WHERE {differs}", cancellationToken)));
        }

        await SiteSql.ExecuteAsync(connection, null, "DETACH DATABASE snap", cancellationToken);
        return list;
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken) =>
        Convert.ToInt64(await SiteSql.ScalarAsync(connection, null, sql, cancellationToken), CultureInfo.InvariantCulture);

    private static async Task<IReadOnlyList<string>> ColumnsAsync(SqliteConnection connection, string schema, string table, CancellationToken cancellationToken)
    {
        var columns = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info($table, $schema) ORDER BY cid";
        command.Parameters.AddWithValue("$table", table);
        command.Parameters.AddWithValue("$schema", schema);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }
}
