using System.Diagnostics;
using System.Globalization;
using System.Net;
using AppLayer.Core.Keys;
using AppLayer.Host;
using AppLayer.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace AppLayer.History.Bench;

/// <summary>
/// Measures, interleaved in one run, the p95 of: the raw SQL that reads a customer's first 100 (and 50)
/// history rows; <c>GET /api/customers/{code}/history</c> (100 events); and the dashboard's customer page
/// (50 events, installations, the chart). Ratios are API ÷ raw(100) and page ÷ raw(50); a last row times
/// every query the page sends, raw, so the page's cost beyond its SQL shows. The raw reads open their
/// connections through <see cref="SqliteDatabase"/> like the stores; warm-up rounds are not measured.
/// </summary>
internal static class HistoryBench
{
    // The other queries the dashboard's customer page sends (the customer itself comes from the store's cache).
    private static readonly string[] PageSql =
    [
        "SELECT customer_id, version, services, modules, signed_at FROM agreements WHERE customer_id = $customer ORDER BY version DESC LIMIT 1;",
        "SELECT id, customer_id, code, name, is_version, modules, time_zone, created_at FROM installations WHERE customer_id = $customer ORDER BY code;",
        "SELECT substr(at, 1, 7) AS month, COUNT(*) FROM history_events WHERE customer_id = $customer AND kind = $kind GROUP BY month ORDER BY month;",
    ];

    // The store's own text (SqliteHistoryStore.QueryAsync with no filters), on a connection opened the store's way.
    private const string RawSql = "SELECT id, customer_id, at, kind, installation, subject, detail, modules, legal_references FROM history_events WHERE customer_id = $customer ORDER BY at, id LIMIT $limit;";

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

            // The raw baseline opens its connections exactly as the stores do (same pooled connection
            // string, busy timeout and foreign keys set on each open), so only the per-request work differs.
            using var database = new SqliteDatabase(Options.Create(new StorageOptions { DataDirectory = data }), TimeProvider.System);
            var raw100 = new Percentiles();
            var raw50 = new Percentiles();
            var apiTimes = new Percentiles();
            var pageTimes = new Percentiles();
            var rawPage = new Percentiles();
            var random = new Random(42);
            var warmup = Math.Min(200, options.Iterations / 4); // lets tiered JIT settle; not measured
            for (var i = 0; i < warmup + options.Iterations; i++)
            {
                var customer = random.Next(1, options.Customers + 1);
                var code = Seeder.Code(customer);
                var measure = i >= warmup;
                var a = await TimeAsync(() => RawAsync(database, customer, 101));
                var b = await TimeAsync(() => GetAsync(api, $"api/customers/{code}/history"));
                var c = await TimeAsync(() => RawAsync(database, customer, 51));
                var d = await TimeAsync(() => GetAsync(browser, $"dashboard/customers/{code}"));
                var e = await TimeAsync(() => RawPageAsync(database, customer));
                if (measure)
                {
                    raw100.Add(a);
                    apiTimes.Add(b);
                    raw50.Add(c);
                    pageTimes.Add(d);
                    rawPage.Add(e);
                }
            }

            var report = Report(options, raw100, apiTimes, raw50, pageTimes, rawPage);
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

    private static string Report(BenchOptions options, Percentiles raw100, Percentiles api, Percentiles raw50, Percentiles page, Percentiles rawPage)
    {
        static string F(double v) => v.ToString("F2", CultureInfo.InvariantCulture);
        return $"""

            | measured ({options.Iterations} requests each, interleaved, random customers) | p50 ms | p95 ms | p95 ratio |
            |---|---|---|---|
            | raw SQL, first 100 rows of a customer | {F(raw100.P(50))} | {F(raw100.P(95))} | 1 |
            | GET /api/customers/CODE/history (100 events) | {F(api.P(50))} | {F(api.P(95))} | {F(api.P(95) / raw100.P(95))} |
            | raw SQL, first 50 rows of a customer | {F(raw50.P(50))} | {F(raw50.P(95))} | 1 |
            | GET /dashboard/customers/CODE (50 events, chart) | {F(page.P(50))} | {F(page.P(95))} | {F(page.P(95) / raw50.P(95))} |
            | raw SQL, every query the page sends (50 rows, agreement, installations, month counts) | {F(rawPage.P(50))} | {F(rawPage.P(95))} | page ÷ this: {F(page.P(95) / rawPage.P(95))} |

            """;
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }

    private static async Task RawPageAsync(SqliteDatabase database, int customer)
    {
        await RawAsync(database, customer, 51);
        foreach (var sql in PageSql)
        {
            await RawAsync(database, customer, 0, sql);
        }
    }

    private static async Task RawAsync(SqliteDatabase database, int customer, int limit, string sql = RawSql)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$customer", customer);
        if (sql == RawSql)
        {
            command.Parameters.AddWithValue("$limit", limit);
        }
        else if (sql.Contains("$kind", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("$kind", "update-applied");
        }
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
