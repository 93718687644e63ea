using Microsoft.Data.Sqlite;

namespace AppLayer.Site;

/// <summary>Runs the agent's own constant SQL with <c>$name</c> parameters.</summary>
internal static class SiteSql
{
    public static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>
    /// Creates <paramref name="table"/> from <paramref name="schema"/> the first time, then inserts one row
    /// inside the caller's transaction: each column gets the parameter <c>$column</c>.
    /// </summary>
    public static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string schema, string table, CancellationToken cancellationToken, params (string Column, object? Value)[] columns)
    {
        await ExecuteAsync(connection, transaction, schema, cancellationToken);
        var names = string.Join(", ", columns.Select(c => c.Column));
        var values = string.Join(", ", columns.Select(c => "$" + c.Column));
        await ExecuteAsync(connection, transaction, $"INSERT INTO {table} ({names}) VALUES ({values})", cancellationToken, columns.Select(c => ("$" + c.Column, c.Value)).ToArray());
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // the agent's own constant SQL; values go through parameters
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
