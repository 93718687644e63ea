using System.Globalization;
using Microsoft.Data.Sqlite;

namespace AppLayer.Testing;

/// <summary>
/// A SQLite database read back as text, to prove what an update changed and what it left alone. Shared source, one
/// copy: compiled into every sample plugin's tests (plugins/samples/Directory.Build.props) and into
/// AppLayer.Site.Tests (linked from its project file).
/// </summary>
internal static class SqliteRows
{
    /// <summary>Every row of a query, each value as invariant text (NULL as "NULL").</summary>
    public static List<string[]> Read(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// The tables, by name, each as its name and a colon, then its rows ordered by <paramref name="orderBy"/>, values
    /// joined by '|'; tables whose name starts with <paramref name="skipPrefix"/> are left out.
    /// </summary>
    public static string Tables(string connectionString, string orderBy, string? skipPrefix = null)
    {
        var skip = skipPrefix is null ? string.Empty : $" AND name NOT LIKE '{skipPrefix}%'";
        var tables = Read(connectionString, $"SELECT name FROM sqlite_master WHERE type = 'table'{skip} ORDER BY name").Select(r => r[0]);
        return string.Join(
            '\n',
            tables.Select(t => t + ":\n" + string.Join('\n', Read(connectionString, $"SELECT * FROM \"{t}\" ORDER BY {orderBy}").Select(row => string.Join('|', row)))));
    }
}
