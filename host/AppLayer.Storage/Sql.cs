using System.Globalization;
using Microsoft.Data.Sqlite;

namespace AppLayer.Storage;

/// <summary>Thin helpers over ADO.NET: parameters as <c>("$name", value)</c> pairs, rows mapped by a function.</summary>
internal static class Sql
{
    public static async Task<int> ExecuteAsync(
        this SqliteConnection connection,
        string sql,
        IEnumerable<(string Name, object? Value)> parameters,
        CancellationToken cancellationToken,
        SqliteTransaction? transaction = null)
    {
        await using var command = Command(connection, sql, parameters, transaction);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<T?> ScalarAsync<T>(
        this SqliteConnection connection,
        string sql,
        IEnumerable<(string Name, object? Value)> parameters,
        CancellationToken cancellationToken,
        SqliteTransaction? transaction = null)
    {
        await using var command = Command(connection, sql, parameters, transaction);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        if (value is null or DBNull)
        {
            return default;
        }

        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
    }

    public static async Task<List<T>> QueryAsync<T>(
        this SqliteConnection connection,
        string sql,
        IEnumerable<(string Name, object? Value)> parameters,
        Func<SqliteDataReader, T> map,
        CancellationToken cancellationToken,
        SqliteTransaction? transaction = null)
    {
        await using var command = Command(connection, sql, parameters, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public static async Task<T?> QuerySingleAsync<T>(
        this SqliteConnection connection,
        string sql,
        IEnumerable<(string Name, object? Value)> parameters,
        Func<SqliteDataReader, T> map,
        CancellationToken cancellationToken,
        SqliteTransaction? transaction = null)
        where T : class
    {
        var rows = await connection.QueryAsync(sql, parameters, map, cancellationToken, transaction);
        return rows.Count == 0 ? null : rows[0];
    }

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static SqliteCommand Command(
        SqliteConnection connection,
        string sql,
        IEnumerable<(string Name, object? Value)> parameters,
        SqliteTransaction? transaction)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // SQL text is constant in this assembly; values travel as parameters
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
