using Microsoft.Data.Sqlite;

namespace AppLayer.Site;

/// <summary>Connections to an IS database file.</summary>
internal static class IsDatabase
{
    /// <summary>A closed connection; pooling is off so no handle outlives the agent's work on the file.</summary>
    public static SqliteConnection Open(string path, bool create = false) =>
        new(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = false,
            ForeignKeys = true,
        }.ToString());

    /// <summary>
    /// Copies a live database with SQLite's backup API (a consistent copy even while others read it)
    /// to a neighbouring temporary file, then moves it into place: the target is whole or absent.
    /// </summary>
    public static async Task BackupAsync(string source, string target, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        var temporary = target + ".partial";
        File.Delete(temporary);
        try
        {
            await using (var from = Open(source))
            await using (var to = Open(temporary, create: true))
            {
                await from.OpenAsync(cancellationToken);
                await to.OpenAsync(cancellationToken);
                from.BackupDatabase(to);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
