using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace AppLayer.EndToEnd.Tests;

/// <summary>
/// The demo's story across real processes: <c>applayer serve</c>, a real <c>dotnet nuget push</c>,
/// two <c>applayer site run</c> processes against their own IS databases.
/// </summary>
public sealed class DemoStoryTests : IClassFixture<HostProcessFixture>
{
    private static readonly string[] SamplePlugins = ["Cz.Vat2024", "Cz.MinimumWage2025"];

    private readonly HostProcessFixture _host;

    public DemoStoryTests(HostProcessFixture host) => _host = host;

    [Fact]
    public async Task Two_sites_pull_and_apply_both_legal_changes_and_the_histories_show_them()
    {
        // Manager: two customers with agreements and one installation each.
        foreach (var customer in new[] { "novak", "horak" })
        {
            (await _host.AsManagerAsync("customer", "add", customer, "--name", customer + " s.r.o.", "--services", "help-desk,application-layer", "--modules", "accounting,payroll")).ShouldSucceed();
            (await _host.AsManagerAsync("installation", "add", customer + "-prod", "--customer", customer, "--modules", "accounting,payroll")).ShouldSucceed();
        }

        // Manager: the two legal changes.
        (await _host.AsManagerAsync("change", "add", "--reference", "Act No. 349/2023 Coll.", "--title", "VAT reduced rates 15 % and 10 % merged into 12 %", "--area", "tax", "--effective", "2024-01-01", "--modules", "accounting")).ShouldSucceed();
        (await _host.AsManagerAsync("change", "add", "--reference", "Government Regulation No. 286/2024 Coll.", "--title", "Minimum wage 20,800 CZK from 2025", "--area", "payroll", "--effective", "2025-01-01", "--modules", "payroll")).ShouldSucceed();

        // Developer: pack the real sample plugins and push them with the real dotnet CLI.
        var packages = await PackSamplesAsync();
        var config = WriteNuGetConfig();
        foreach (var package in packages)
        {
            (await CliProcess.DotnetAsync("nuget", "push", package, "--source", "applayer", "--api-key", _host.PublishKey, "--configfile", config)).ShouldSucceed();
        }

        // Sites: each its own IS database, enrolled with its own key, then run concurrently.
        var databases = new Dictionary<string, string>();
        foreach (var customer in new[] { "novak", "horak" })
        {
            var db = Path.Combine(_host.Root, customer + ".db");
            var siteKey = (await _host.AsManagerAsync("installation", "key", customer + "-prod")).ShouldSucceed().Line;
            (await CliProcess.ApplayerAsync("site", "init-demo", "--db", db)).ShouldSucceed();
            (await CliProcess.ApplayerAsync("site", "enroll", "--host", _host.Url, "--key", siteKey, "--db", db)).ShouldSucceed();
            databases[customer] = db;
        }

        var runs = await Task.WhenAll(databases.Values.Select(db => CliProcess.ApplayerAsync("site", "run", "--db", db)));
        foreach (var run in runs)
        {
            run.ShouldSucceed();
        }

        foreach (var (customer, db) in databases)
        {
            AssertVatConsolidated(db);
            AssertMinimumWage2025(db);
            AppliedUpdates(db).ShouldBe(["Cz.MinimumWage2025 1.0.0", "Cz.Vat2024 1.0.0"], ignoreOrder: true);

            var history = (await _host.AsManagerAsync("history", customer, "--json")).ShouldSucceed();
            using var events = JsonDocument.Parse(history.StdOut);
            var lines = events.RootElement.EnumerateArray()
                .Select(e => $"{e.GetProperty("kind").GetString()} {e.GetProperty("subject").GetString()} {e.GetProperty("detail").GetString()}")
                .ToList();
            lines.ShouldContain(l => l.StartsWith("legal-change", StringComparison.Ordinal) && l.Contains("Act No. 349/2023 Coll.", StringComparison.Ordinal));
            lines.ShouldContain(l => l.StartsWith("legal-change", StringComparison.Ordinal) && l.Contains("286/2024", StringComparison.Ordinal));
            lines.ShouldContain(l => l.StartsWith("update-applied Cz.Vat2024", StringComparison.Ordinal) && l.Contains("Act No. 349/2023 Coll.", StringComparison.Ordinal));
            lines.ShouldContain(l => l.StartsWith("update-applied Cz.MinimumWage2025", StringComparison.Ordinal) && l.Contains("286/2024", StringComparison.Ordinal));

            var table = (await _host.AsManagerAsync("history", customer)).ShouldSucceed();
            table.StdOut.ShouldContain("update-applied");
        }

        // Exports and the customer's changelog through the CLI.
        var csvFile = Path.Combine(_host.Root, "novak-history.csv");
        (await _host.AsManagerAsync("history", "novak", "--kind", "update-applied", "--module", "payroll", "--format", "csv", "--out", csvFile)).ShouldSucceed();
        var csv = await File.ReadAllLinesAsync(csvFile);
        csv.Length.ShouldBe(2);
        csv[1].ShouldContain(",update-applied,novak-prod,Cz.MinimumWage2025 1.0.0,");
        var markdown = (await _host.AsManagerAsync("history", "novak", "--format", "markdown", "--legal", "349/2023")).ShouldSucceed();
        markdown.StdOut.ShouldStartWith("# Change history of novak s.r.o. (novak)");
        markdown.StdOut.ShouldContain("| update-applied | novak-prod | Cz.Vat2024 1.0.0 |");
        markdown.StdOut.ShouldNotContain("MinimumWage");
        var changelog = (await _host.AsManagerAsync("changelog", "customer", "novak")).ShouldSucceed();
        changelog.StdOut.ShouldContain("## Outside releases");
        changelog.StdOut.ShouldContain("Applied: novak-prod");

        // Running again changes nothing and reports nothing new.
        var again = (await CliProcess.ApplayerAsync("site", "run", "--db", databases["novak"])).ShouldSucceed();
        AppliedUpdates(databases["novak"]).Count.ShouldBe(2);
        again.StdOut.ShouldNotContain("applied Cz.");
    }

    [Fact]
    public async Task An_unknown_customer_is_one_clear_line_and_a_non_zero_exit()
    {
        var result = await _host.AsManagerAsync("history", "nobody-" + Guid.NewGuid().ToString("N"));

        result.ExitCode.ShouldNotBe(0);
        result.StdErr.Trim().Split('\n').Length.ShouldBe(1);
        result.StdErr.ShouldStartWith("error:");
        result.StdErr.ShouldContain("404");
    }

    [Fact]
    public async Task A_history_filter_with_a_bad_date_is_one_clear_line_and_a_non_zero_exit()
    {
        var result = await _host.AsManagerAsync("history", "novak", "--from", "2024-02-30");

        result.ExitCode.ShouldNotBe(0);
        result.StdErr.Trim().ShouldBe("error: The 'from' date '2024-02-30' is not a date; use YYYY-MM-DD, e.g. 2024-01-31.");
    }

    [Fact]
    public async Task A_push_of_a_file_that_is_not_a_package_fails_and_the_feed_stays_empty_of_it()
    {
        var bogus = Path.Combine(_host.Root, "Bogus.Update.1.0.0.nupkg");
        await File.WriteAllTextAsync(bogus, "this is not a zip");

        var result = await CliProcess.ApplayerAsync("publish", bogus, "--host", _host.Url, "--key", _host.PublishKey);

        result.ExitCode.ShouldNotBe(0);
        result.StdErr.ShouldStartWith("error:");
        result.StdErr.ShouldContain("400");
        Directory.Exists(Path.Combine(_host.DataDirectory, "packages", "bogus.update")).ShouldBeFalse();
    }

    private async Task<List<string>> PackSamplesAsync()
    {
        var output = Path.Combine(_host.Root, "packages");
        foreach (var plugin in SamplePlugins)
        {
            var project = Path.Combine(CliProcess.RepoRoot, "plugins", "samples", plugin, plugin + ".csproj");
            (await CliProcess.DotnetAsync("pack", project, "-c", CliProcess.Configuration, "--no-build", "-o", output)).ShouldSucceed();
        }

        var files = Directory.GetFiles(output, "*.nupkg").ToList();
        files.Count.ShouldBe(SamplePlugins.Length);
        return files;
    }

    private string WriteNuGetConfig()
    {
        var path = Path.Combine(_host.Root, "NuGet.Config");
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="applayer" value="{_host.Url}/v3/index.json" allowInsecureConnections="true" />
              </packageSources>
            </configuration>
            """);
        return path;
    }

    private static void AssertVatConsolidated(string db)
    {
        using var connection = Open(db);
        Scalar(connection, "SELECT COUNT(*) FROM vat_rates WHERE rate_percent = 12 AND valid_from = '2024-01-01'").ShouldBe(1L);
        Scalar(connection, "SELECT COUNT(*) FROM vat_rates WHERE rate_percent IN (10, 15) AND (valid_to IS NULL OR valid_to >= '2024-01-01')").ShouldBe(0L);
    }

    private static void AssertMinimumWage2025(string db)
    {
        using var connection = Open(db);
        Scalar(connection, "SELECT COUNT(*) FROM payroll_parameters WHERE valid_from = '2025-01-01' AND value IN ('20800', '20800.00', 20800)").ShouldBe(1L);
    }

    private static List<string> AppliedUpdates(string db)
    {
        using var connection = Open(db);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT package_id || ' ' || version FROM applayer_history";
        using var reader = command.ExecuteReader();
        var list = new List<string>();
        while (reader.Read())
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }

    private static SqliteConnection Open(string db)
    {
        var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
