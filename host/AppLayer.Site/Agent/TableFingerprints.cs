using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace AppLayer.Site.Agent;

/// <summary>One IS table as it stood: its row count and the SHA-256 of its rows in key order.</summary>
internal sealed record TableFingerprint(long Rows, string Sha256);

/// <summary>
/// The IS tables of a database file (not SQLite's, not the agent's <c>applayer_</c> tables), each with its row
/// count and a SHA-256 of every row (rowid and values, in rowid order; a table without rowid in its key order).
/// The agent writes them beside the snapshot right after an update committed (<see cref="AfterFileOf"/>), so a
/// snapshot restore can tell whether anyone changed the database since.
/// </summary>
internal static class TableFingerprints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Where the fingerprints of the database as the update left it are kept, beside its snapshot.</summary>
    public static string AfterFileOf(string snapshot) => snapshot + ".after.json";

    /// <summary>The IS tables of the file, read-only.</summary>
    public static async Task<SortedDictionary<string, TableFingerprint>> ReadAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        var tables = new SortedDictionary<string, TableFingerprint>(StringComparer.Ordinal);
        foreach (var (table, withoutRowid) in await IsTablesAsync(connection, "main", cancellationToken))
        {
            tables[table] = await FingerprintAsync(connection, table, withoutRowid, cancellationToken);
        }

        return tables;
    }

    /// <summary>Writes the fingerprints of <paramref name="database"/> as it is now to <paramref name="file"/>, whole or not at all.</summary>
    public static async Task WriteAsync(string database, string file, CancellationToken cancellationToken)
    {
        var tables = await ReadAsync(database, cancellationToken);
        await File.WriteAllTextAsync(file + ".tmp", JsonSerializer.Serialize(tables, Json), cancellationToken);
        File.Move(file + ".tmp", file, overwrite: true);
    }

    /// <returns>The fingerprints written by <see cref="WriteAsync"/>, or null when there are none (or they are unreadable).</returns>
    public static IReadOnlyDictionary<string, TableFingerprint>? ReadFile(string file)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, TableFingerprint>>(File.ReadAllText(file), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The user tables of one schema of the connection, with whether each is a WITHOUT ROWID table.</summary>
    public static async Task<IReadOnlyList<(string Name, bool WithoutRowid)>> IsTablesAsync(SqliteConnection connection, string schema, CancellationToken cancellationToken)
    {
        var tables = new List<(string, bool)>();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // the schema is the agent's own constant name
        command.CommandText = $"SELECT name, wr FROM pragma_table_list WHERE schema = '{schema}' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'applayer\\_%' ESCAPE '\\' ORDER BY name";
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tables.Add((reader.GetString(0), reader.GetInt64(1) != 0));
        }

        return tables;
    }

    /// <summary>The name as an SQL identifier.</summary>
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<TableFingerprint> FingerprintAsync(SqliteConnection connection, string table, bool withoutRowid, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // a table name read from the database's own schema, quoted
        command.CommandText = withoutRowid ? $"SELECT * FROM {Quote(table)}" : $"SELECT rowid, * FROM {Quote(table)} ORDER BY rowid";
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long rows = 0;
        var number = new byte[9];
        while (await reader.ReadAsync(cancellationToken))
        {
            rows++;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                switch (reader.IsDBNull(i) ? null : reader.GetValue(i))
                {
                    case null:
                        sha.AppendData([0]);
                        break;
                    case long integer:
                        number[0] = 1;
                        BitConverter.TryWriteBytes(number.AsSpan(1), integer);
                        sha.AppendData(number);
                        break;
                    case double real:
                        number[0] = 2;
                        BitConverter.TryWriteBytes(number.AsSpan(1), real);
                        sha.AppendData(number);
                        break;
                    case byte[] blob:
                        Append(sha, 3, blob);
                        break;
                    case var other:
                        Append(sha, 4, Encoding.UTF8.GetBytes(Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty));
                        break;
                }
            }
        }

        return new TableFingerprint(rows, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    private static void Append(IncrementalHash sha, byte tag, byte[] bytes)
    {
        Span<byte> head = stackalloc byte[5];
        head[0] = tag;
        BitConverter.TryWriteBytes(head[1..], bytes.Length);
        sha.AppendData(head);
        sha.AppendData(bytes);
    }
}
