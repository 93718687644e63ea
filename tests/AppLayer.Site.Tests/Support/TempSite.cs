using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using AppLayer.DemoIs;
using AppLayer.Protocol.Api;
using AppLayer.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace AppLayer.Site.Tests.Support;

/// <summary>A demo IS database in a temporary folder, and an agent for it that writes to <see cref="Output"/>.</summary>
internal sealed class TempSite : IDisposable
{
    private readonly DirectoryInfo _folder;

    private TempSite(DirectoryInfo folder)
    {
        _folder = folder;
        Database = Path.Combine(folder.FullName, "IS.db");
        Paths = SitePaths.For(Database);
    }

    public string Database { get; }

    public SitePaths Paths { get; }

    public StringWriter Output { get; } = new(CultureInfo.InvariantCulture);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 12, 20, 9, 30, 0, TimeSpan.Zero));

    /// <summary>How long a worker may run in this site's tests before it is killed.</summary>
    public TimeSpan WorkerTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Rehearse on a copy first (the agent's default); off here so most tests watch the real apply itself.</summary>
    public bool Rehearse { get; set; }

    /// <summary>The package limits the agent extracts with; the defaults unless a test sets others.</summary>
    public AppLayer.Protocol.Packages.PackageLimits PackageLimits { get; set; } = AppLayer.Protocol.Packages.PackageLimits.Default;

    /// <summary>What the agent logged (<see cref="SiteLog"/>).</summary>
    public CapturingLogger Log { get; } = new();

    public SiteAgent Agent => AgentWith(o => o);

    public SiteAgent AgentWith(Func<AgentSettings, AgentSettings> change)
    {
        var settings = change(new AgentSettings(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(60)));
        return new(Database, new SiteAgentOptions
        {
            Clock = Clock,
            Output = Output,
            HostTimeout = TimeSpan.FromSeconds(20),
            MetadataTimeout = settings.MetadataTimeout,
            DownloadTimeout = settings.DownloadTimeout,
            ReportRetryDelays = [TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50)],
            WorkerTimeout = WorkerTimeout,
            Rehearse = Rehearse,
            PackageLimits = PackageLimits,
            Logger = Log,
        });
    }

    private string ReadOnly => new SqliteConnectionStringBuilder { DataSource = Database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();

    public string[] OutputLines => Output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static async Task<TempSite> CreateAsync(string isVersion = DemoIsDatabase.DefaultIsVersion)
    {
        var site = new TempSite(Directory.CreateTempSubdirectory("applayer-site-"));
        await DemoIsDatabase.CreateAsync(site.Database, isVersion);
        return site;
    }

    /// <summary>Creates the demo IS, enrolls it with the stand-in host and pulls what it lists.</summary>
    public static async Task<TempSite> EnrolledAsync(StandInHost host, string isVersion = DemoIsDatabase.DefaultIsVersion)
    {
        var site = await CreateAsync(isVersion);
        await site.Agent.EnrollAsync(host.Url, StandInHost.SiteKey);
        return site;
    }

    /// <summary>Every table's rows, the agent's own included.</summary>
    public string Dump()
    {
        var tables = Rows("SELECT name FROM sqlite_master WHERE type IN ('table', 'index', 'view', 'trigger') ORDER BY name").Select(r => r[0]).ToList();
        var schema = string.Join('\n', Rows("SELECT type, name, sql FROM sqlite_master ORDER BY name").Select(r => string.Join('|', r)));
        return schema + "\n" + SqliteRows.Tables(ReadOnly, orderBy: "rowid") + "\n" + tables.Count;
    }

    /// <summary>The IS's own tables and their rows, without the agent's applayer_* tables.</summary>
    public string DumpIs() => SqliteRows.Tables(ReadOnly, orderBy: "rowid", skipPrefix: "applayer");

    /// <summary>Adds crash_rows (all in the old state) for Rewrite.Update.</summary>
    public void AddCrashRows(int rows)
    {
        using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE TABLE crash_rows (id INTEGER PRIMARY KEY, value INTEGER NOT NULL, payload TEXT NOT NULL); " +
            $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows}) INSERT INTO crash_rows SELECT i, 0, 'old-' || i FROM n;";
        command.ExecuteNonQuery();
    }

    public string FileHash() => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Database)));

    /// <summary>Every row of a query, each value as invariant text (NULL as "NULL").</summary>
    public List<string[]> Rows(string sql) => SqliteRows.Read(ReadOnly, sql);

    public List<DeploymentReportDto> Outbox() =>
        Directory.Exists(Paths.Outbox)
            ? Directory.GetFiles(Paths.Outbox, "*.json").Order(StringComparer.Ordinal)
                .Select(f => JsonSerializer.Deserialize<DeploymentReportDto>(File.ReadAllText(f), JsonSerializerOptions.Web)!).ToList()
            : [];

    public string[] CachedPackages() =>
        Directory.Exists(Paths.Packages) ? Directory.GetFiles(Paths.Packages, "*.nupkg").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray() : [];

    public sealed record AgentSettings(TimeSpan MetadataTimeout, TimeSpan DownloadTimeout);

    public void Dispose()
    {
        Output.Dispose();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // temporary; the OS cleans it
        }
    }
}
