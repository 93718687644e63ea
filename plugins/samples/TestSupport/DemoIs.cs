using System.Globalization;
using AppLayer.DemoIs;
using AppLayer.Sdk;
using AppLayer.Site;
using AppLayer.Testing;
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

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();

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

    public SqliteConnection Open() => new(ConnectionString);

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
    public List<string[]> Rows(string sql) => SqliteRows.Read(ConnectionString, sql);

    /// <summary>Every table's rows as text, to prove what changed and what did not.</summary>
    public string Dump() => SqliteRows.Tables(ConnectionString, orderBy: "1");

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
