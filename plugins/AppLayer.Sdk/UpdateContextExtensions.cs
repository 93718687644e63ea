using System.Data.Common;

namespace AppLayer.Sdk;

/// <summary>Small helpers so update code stays short and always runs inside the transaction.</summary>
public static class UpdateContextExtensions
{
    /// <summary>A command bound to the context's transaction, with <c>$name</c> style parameters.</summary>
    public static DbCommand Command(this IUpdateContext context, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = context.Connection.CreateCommand();
#pragma warning disable CA2100 // update SQL is the plugin author's own text; values go through parameters
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = context.Transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static async Task<int> ExecuteAsync(this IUpdateContext context, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = context.Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<long> CountAsync(this IUpdateContext context, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = context.Command(sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
