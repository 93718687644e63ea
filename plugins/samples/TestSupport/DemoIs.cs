using System.Globalization;
using AppLayer.Sdk;
using AppLayer.Site;
using AppLayer.Site.DemoIs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace AppLayer.Samples.Tests;

/// <summary>A fresh demo IS in a temporary SQLite file, and the site agent's runner to apply an update to it.</summary>
internal sealed class DemoIs : IDisposable
{
    private readonly DirectoryInfo _folder;

    private DemoIs(DirectoryInfo folder, string path)
    {
        _folder = folder;
        Path = path;
    }

    public string Path { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 12, 20, 9, 30, 0, TimeSpan.Zero));

    public UpdateLog Log { get; } = new();

    public static async Task<DemoIs> CreateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("applayer-sample-");
        var path = System.IO.Path.Combine(folder.FullName, "IS.db");
        await DemoIsDatabase.CreateAsync(path);
        return new DemoIs(folder, path);
    }

    /// <summary>Runs preflight, apply and verify in one transaction, as the site agent does.</summary>
    public async Task<UpdateOutcome> RunAsync(IUpdate update)
    {
        await using var connection = Open();
        var facts = new InstallationFacts("test-prod", "test", DemoIsDatabase.DefaultIsVersion, ["accounting", "payroll"], "Europe/Prague");
        return await new UpdateRunner(Clock).RunAsync(connection, update, facts, Log);
    }

    public SqliteConnection Open() =>
        new(new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());

    public void Execute(string sql)
    {
        using var connection = Open();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public long Count(string sql) => Convert.ToInt64(Rows(sql).Single()[0], CultureInfo.InvariantCulture);

    /// <summary>Every row of a query, each value as invariant text (NULL as "NULL").</summary>
    public List<string[]> Rows(string sql)
    {
        using var connection = Open();
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

    /// <summary>Every table's rows as text, to prove what changed and what did not.</summary>
    public string Dump()
    {
        var tables = Rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").Select(r => r[0]).ToList();
        return string.Join('\n', tables.Select(t => t + ":\n" + string.Join('\n', Rows($"SELECT * FROM \"{t}\" ORDER BY 1").Select(r => string.Join('|', r)))));
    }

    public void Dispose()
    {
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // a temporary folder; the OS cleans it
        }
    }
}

/// <summary>Wraps a real update and damages the data between its apply and its verify.</summary>
internal sealed class TamperAfterApply(IUpdate inner, string sql) : IUpdate
{
    public Task<StepResult> PreflightAsync(IUpdateContext context, CancellationToken cancellationToken) => inner.PreflightAsync(context, cancellationToken);

    public async Task ApplyAsync(IUpdateContext context, CancellationToken cancellationToken)
    {
        await inner.ApplyAsync(context, cancellationToken);
        await context.ExecuteAsync(sql, cancellationToken);
    }

    public Task<StepResult> VerifyAsync(IUpdateContext context, CancellationToken cancellationToken) => inner.VerifyAsync(context, cancellationToken);
}
