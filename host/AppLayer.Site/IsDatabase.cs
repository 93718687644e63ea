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
}
