using AppLayer.Sdk;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Cz.Something.Tests;

/// <summary>
/// A small IS database in a real SQLite file, and a runner that treats an update as the site agent
/// does: preflight, apply and verify in one transaction, committed only when all three succeed.
/// </summary>
public sealed class TestIs : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cz-something-tests-").FullName;

    public TestIs()
    {
        Path = System.IO.Path.Combine(_folder, "is.db");
        Execute("""
            CREATE TABLE payroll_parameters (
                id         INTEGER PRIMARY KEY,
                name       TEXT NOT NULL,
                value      TEXT NOT NULL,
                unit       TEXT NOT NULL,
                valid_from TEXT NOT NULL,
                valid_to   TEXT NULL
            );
            INSERT INTO payroll_parameters (name, value, unit, valid_from, valid_to) VALUES ('sample_rate', '90.00', 'CZK', '2024-01-01', '2024-12-31');
            INSERT INTO payroll_parameters (name, value, unit, valid_from, valid_to) VALUES ('sample_rate', '100.00', 'CZK', '2025-01-01', NULL);
            """);
    }

    public string Path { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 12, 20, 9, 30, 0, TimeSpan.Zero));

    public List<string> Log { get; } = [];

    public async Task<RunOutcome> RunAsync(IUpdate update, Action<SqliteConnection, SqliteTransaction>? afterApply = null)
    {
        ArgumentNullException.ThrowIfNull(update);
        await using var connection = Open();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var context = new TestUpdateContext(connection, transaction, Clock);
        try
        {
            var preflight = await update.PreflightAsync(context, CancellationToken.None);
            if (!preflight.Succeeded)
            {
                return new RunOutcome(false, "preflight", preflight.Message);
            }

            await update.ApplyAsync(context, CancellationToken.None);
            afterApply?.Invoke(connection, transaction);
            var verify = await update.VerifyAsync(context, CancellationToken.None);
            if (!verify.Succeeded)
            {
                return new RunOutcome(false, "verify", verify.Message);
            }

            await transaction.CommitAsync();
            return new RunOutcome(true, "commit", verify.Message);
        }
        finally
        {
            Log.AddRange(context.TestLog.Lines);
        }
    }

    /// <summary>Every row of payroll_parameters as one line, in order.</summary>
    public List<string> Rows()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, value, unit, valid_from, IFNULL(valid_to, 'NULL') FROM payroll_parameters ORDER BY name, valid_from";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join(' ', Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)));
        }

        return rows;
    }

    public void Execute(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
