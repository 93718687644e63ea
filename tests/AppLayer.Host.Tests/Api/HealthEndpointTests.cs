using System.Net;
using System.Text.Json;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AppLayer.Host.Tests.Api;

/// <summary><c>/healthz</c> and <c>/readyz</c> without a key, and readiness failing for real when the database or a signing key is gone.</summary>
public sealed class HealthEndpointTests : IAsyncLifetime
{
    private readonly HostFactory _host = new();
    private HttpClient _anonymous = null!;

    public Task InitializeAsync()
    {
        _anonymous = _host.Client();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _anonymous.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Healthz_answers_healthy_without_a_key()
    {
        using var response = await _anonymous.GetAsync(new Uri("/healthz", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Readyz_answers_ready_with_every_check_ok_without_a_key()
    {
        using var response = await _anonymous.GetAsync(new Uri("/readyz", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("status").GetString().ShouldBe("ready");
        var checks = body.RootElement.GetProperty("checks").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetString());
        checks.ShouldBe(new Dictionary<string, string?> { ["database"] = "ok", ["signing-keys"] = "ok", ["data-folder"] = "ok" }, ignoreOrder: true);
    }

    [Fact]
    public async Task Readyz_is_503_naming_the_database_when_its_file_is_gone()
    {
        await ReadyAsync();
        var database = _host.Services.GetRequiredService<SqliteDatabase>().DatabasePath;
        foreach (var file in new[] { database, database + "-wal", database + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }

        var (checks, detail, text) = await NotReadyAsync();

        checks["database"].ShouldNotBe("ok");
        checks["signing-keys"].ShouldBe("ok");
        detail.ShouldStartWith("database: ");
        text.ShouldNotContain(_host.DataDirectory);
    }

    [Fact]
    public async Task Readyz_is_503_naming_the_signing_keys_when_a_key_file_cannot_be_read()
    {
        await ReadyAsync();
        await File.WriteAllTextAsync(Path.Combine(_host.DataDirectory, "keys", "targets.pem"), "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n");

        var (checks, detail, text) = await NotReadyAsync();

        checks["signing-keys"].ShouldNotBe("ok");
        checks["database"].ShouldBe("ok");
        detail.ShouldStartWith("signing-keys: ");
        text.ShouldNotContain(_host.DataDirectory);
    }

    [Fact]
    public async Task Readyz_is_503_naming_the_signing_keys_when_the_keys_folder_is_gone()
    {
        await ReadyAsync();
        var keys = Path.Combine(_host.DataDirectory, "keys");
        Directory.Move(keys, keys + ".moved");

        var (checks, detail, _) = await NotReadyAsync();

        checks["signing-keys"].ShouldNotBe("ok");
        detail.ShouldBe("signing-keys: " + checks["signing-keys"]);
    }

    private async Task ReadyAsync()
    {
        using var response = await _anonymous.GetAsync(new Uri("/readyz", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<(Dictionary<string, string?> Checks, string Detail, string Text)> NotReadyAsync()
    {
        using var response = await _anonymous.GetAsync(new Uri("/readyz", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var text = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);
        body.RootElement.GetProperty("status").GetInt32().ShouldBe(503);
        var checks = body.RootElement.GetProperty("checks").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetString());
        return (checks, body.RootElement.GetProperty("detail").GetString()!, text);
    }
}
