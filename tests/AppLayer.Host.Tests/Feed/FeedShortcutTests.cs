using System.Net;
using AppLayer.Core.Keys;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Sdk;

namespace AppLayer.Host.Tests.Feed;

/// <summary>
/// The feed's hot GETs (TUF metadata, registration index, flat-container files) are answered before
/// routing when the key is valid. Routing matches paths case-insensitively and the shortcut only the
/// exact lower-case shapes, so the same request with an upper-case first segment goes to the routed
/// endpoint: both must answer alike, for GET and HEAD, and another tenant's package stays a 404.
/// </summary>
public sealed partial class FeedShortcutTests : IAsyncLifetime
{
    private static readonly string[] Paths =
    [
        "/tuf/timestamp.json",
        "/tuf/root.json",
        "/tuf/customer-novak.json",
        "/v3/registration/cz.vat2024/index.json",
        "/v3/flatcontainer/cz.vat2024/1.0.0/cz.vat2024.1.0.0.nupkg",
        "/v3/flatcontainer/cz.vat2024/1.0.0/cz.vat2024.nuspec",
        "/v3/flatcontainer/novak.salaryfix/1.0.0/novak.salaryfix.1.0.0.nupkg",
    ];

    private readonly HostFactory _host = new();
    private HttpClient _publisher = null!;

    public async Task InitializeAsync()
    {
        _publisher = await _host.PublisherAsync();
        using var manager = await _host.ManagerAsync();
        await manager.CoveredCustomerAsync("novak", "accounting");
        await manager.CoveredCustomerAsync("dvorak", "accounting");
        (await _publisher.PushAsync(TestPackages.Update("Cz.Vat2024", "1.0.0", "accounting"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var bespoke = TestPackages.Manifest("Novak.SalaryFix", "1.0.0", "accounting") with { Kind = UpdateKind.DataFix, Customer = "novak" };
        (await _publisher.PushAsync(TestPackages.Build("Novak.SalaryFix", "1.0.0", bespoke.ToJson()))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    public async Task DisposeAsync()
    {
        _publisher.Dispose();
        await _host.DisposeAsync();
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    public async Task A_shortcut_answer_is_the_routed_endpoints_answer(string method)
    {
        using var novak = _host.Client(await _host.KeyAsync(KeyScope.Site, "novak-prod"));
        foreach (var client in new[] { _publisher, novak })
        {
            foreach (var path in Paths)
            {
                var shortcut = await AnswerAsync(client, method, path);
                var routed = await AnswerAsync(client, method, Routed(path));

                shortcut.ShouldStartWith("200 ", customMessage: path);
                routed.ShouldBe(shortcut, customMessage: path);
            }
        }
    }

    [Fact]
    public async Task Another_tenants_package_and_role_are_not_found_on_either_path()
    {
        using var dvorak = _host.Client(await _host.KeyAsync(KeyScope.Site, "dvorak-prod"));
        foreach (var path in new[] { "/tuf/customer-novak.json", "/v3/registration/novak.salaryfix/index.json", "/v3/flatcontainer/novak.salaryfix/1.0.0/novak.salaryfix.1.0.0.nupkg" })
        {
            (await AnswerAsync(dvorak, "GET", path)).ShouldStartWith("404 ", customMessage: path);
            (await AnswerAsync(dvorak, "GET", Routed(path))).ShouldStartWith("404 ", customMessage: path);
        }
    }

    [Fact]
    public async Task Conditional_requests_are_answered_alike()
    {
        foreach (var path in Paths)
        {
            using var first = await _publisher.GetAsync(new Uri(path, UriKind.Relative));
            var tag = first.Headers.ETag.ShouldNotBeNull().Tag;
            foreach (var (header, value) in new[] { ("If-None-Match", tag), ("If-None-Match", "\"other\""), ("If-Match", "\"other\""), ("Range", "bytes=2-9") })
            {
                var shortcut = await AnswerAsync(_publisher, "GET", path, (header, value));
                (await AnswerAsync(_publisher, "GET", Routed(path), (header, value))).ShouldBe(shortcut, customMessage: $"{path} {header}: {value}");
            }
        }
    }

    /// <summary>The same resource through routing (which matches the literal segments case-insensitively).</summary>
    private static string Routed(string path) => path.StartsWith("/tuf/", StringComparison.Ordinal) ? "/TUF/" + path[5..] : "/V3/" + path[4..];

    /// <returns>Status, the headers a client sees (but the date) and the body's hash (a problem's without its per-request trace id), as one text.</returns>
    private static async Task<string> AnswerAsync(HttpClient client, string method, string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            body = System.Text.Encoding.UTF8.GetBytes(TraceId().Replace(System.Text.Encoding.UTF8.GetString(body), string.Empty));
        }

        var lines = response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key != "Date")
            .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}")
            .Order(StringComparer.Ordinal);
        return $"{(int)response.StatusCode} {string.Join(" | ", lines)} | body {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body))}";
    }

    [System.Text.RegularExpressions.GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial System.Text.RegularExpressions.Regex TraceId();
}
