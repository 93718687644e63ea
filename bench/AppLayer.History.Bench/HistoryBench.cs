using System.Diagnostics;
using System.Globalization;
using System.Net;
using AppLayer.Core.Model;
using AppLayer.Host;
using Microsoft.Data.Sqlite;

namespace AppLayer.History.Bench;

/// <summary>
/// Measures, interleaved in one run, the p95 of: the raw SQL that reads a customer's first 100 (and 50)
/// history rows; <c>GET /api/customers/{code}/history</c> (100 events); and the dashboard's customer page
/// (50 events, installations, the chart). Ratios are API ÷ raw(100) and page ÷ raw(50).
/// </summary>
internal static class HistoryBench
{
    private const string RawSql = "SELECT id, customer_id, at, kind, installation, subject, detail, modules, legal_references FROM history_events WHERE customer_id = $c ORDER BY at, id LIMIT $limit";

    public static async Task<int> RunAsync(BenchOptions options, TextWriter output)
    {
        var data = Directory.CreateTempSubdirectory("applayer-bench-").FullName;
        try
        {
            var seeding = Stopwatch.StartNew();
            await Seeder.SeedAsync(data, options);
            output.WriteLine($"seeded {options.Customers:N0} customers and {options.Customers * options.EventsPerCustomer:N0} history events in {seeding.Elapsed.TotalSeconds:F0} s");

            var key = (await AppLayerHost.CreateKeyAsync(data, KeyScope.Manager, null, null)).Key;
            await using var host = await AppLayerHost.StartAsync(new AppLayerHostOptions { DataDirectory = data, Urls = "http://127.0.0.1:0" });
            using var api = new HttpClient { BaseAddress = host.BaseAddress };
            api.DefaultRequestHeaders.Add("X-NuGet-ApiKey", key);
            using var cookies = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
            using var browser = new HttpClient(cookies) { BaseAddress = host.BaseAddress };
            using (var form = new FormUrlEncodedContent([new("key", key)]))
            {
                (await browser.PostAsync(new Uri("dashboard/sign-in", UriKind.Relative), form)).StatusCode.ShouldBeRedirect();
            }

            var connectionString = $"Data Source={Path.Combine(data, "applayer.db")};Mode=ReadOnly;Pooling=True";
            var raw100 = new Percentiles();
            var raw50 = new Percentiles();
            var apiTimes = new Percentiles();
            var pageTimes = new Percentiles();
            var random = new Random(42);
            var warmup = Math.Min(50, options.Iterations / 4);
            for (var i = 0; i < warmup + options.Iterations; i++)
            {
                var customer = random.Next(1, options.Customers + 1);
                var code = Seeder.Code(customer);
                var measure = i >= warmup;
                var a = await TimeAsync(() => RawAsync(connectionString, customer, 101));
                var b = await TimeAsync(() => GetAsync(api, $"api/customers/{code}/history"));
                var c = await TimeAsync(() => RawAsync(connectionString, customer, 51));
                var d = await TimeAsync(() => GetAsync(browser, $"dashboard/customers/{code}"));
                if (measure)
                {
                    raw100.Add(a);
                    apiTimes.Add(b);
                    raw50.Add(c);
                    pageTimes.Add(d);
                }
            }

            var report = Report(options, raw100, apiTimes, raw50, pageTimes);
            output.Write(report);
            if (options.Out is { } path)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                await File.WriteAllTextAsync(path, report);
            }

            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // the OS cleans the temp folder later
            }
        }
    }

    private static string Report(BenchOptions options, Percentiles raw100, Percentiles api, Percentiles raw50, Percentiles page)
    {
        static string F(double v) => v.ToString("F2", CultureInfo.InvariantCulture);
        return $"""

            | measured ({options.Iterations} requests each, interleaved, random customers) | p50 ms | p95 ms | p95 ratio |
            |---|---|---|---|
            | raw SQL, first 100 rows of a customer | {F(raw100.P(50))} | {F(raw100.P(95))} | 1 |
            | GET /api/customers/CODE/history (100 events) | {F(api.P(50))} | {F(api.P(95))} | {F(api.P(95) / raw100.P(95))} |
            | raw SQL, first 50 rows of a customer | {F(raw50.P(50))} | {F(raw50.P(95))} | 1 |
            | GET /dashboard/customers/CODE (50 events, chart) | {F(page.P(50))} | {F(page.P(95))} | {F(page.P(95) / raw50.P(95))} |

            """;
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }

    private static async Task RawAsync(string connectionString, int customer, int limit)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = RawSql;
        command.Parameters.AddWithValue("$c", customer);
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
    }

    private static async Task GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }

    private static void ShouldBeRedirect(this HttpStatusCode status)
    {
        if (status != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"signing in answered {(int)status}");
        }
    }
}
