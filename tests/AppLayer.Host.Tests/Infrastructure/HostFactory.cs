using System.Net.Http.Headers;
using AppLayer.Core.Keys;
using AppLayer.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AppLayer.Host.Tests.Infrastructure;

/// <summary>The real host app on a fresh temp data folder (SQLite file and feed), with a fake clock.</summary>
public sealed class HostFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string> _settings;

    public HostFactory(params (string Key, string Value)[] settings)
    {
        _settings = settings.ToDictionary(s => s.Key, s => s.Value);
    }

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("applayer-host-tests-").FullName;

    public string PackagesDirectory => Path.Combine(DataDirectory, "packages");

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2024, 1, 15, 9, 0, 0, TimeSpan.Zero));

    /// <summary>A client that sends <paramref name="key"/> as <c>X-NuGet-ApiKey</c> (or nothing).</summary>
    public HttpClient Client(string? key = null)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-NuGet-ApiKey", key);
        }

        return client;
    }

    public HttpClient Client(AuthenticationHeaderValue authorization)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = authorization;
        return client;
    }

    public async Task<string> KeyAsync(KeyScope scope, string? installation = null, int? expiresInDays = null) =>
        (await Services.GetRequiredService<ApiKeyService>().CreateAsync(scope, installation, expiresInDays, CancellationToken.None)).Key;

    public async Task<HttpClient> ManagerAsync() => Client(await KeyAsync(KeyScope.Manager));

    public async Task<HttpClient> PublisherAsync() => Client(await KeyAsync(KeyScope.Publish));

    public async Task<long> CountAsync(string table)
    {
        await using var connection = await Services.GetRequiredService<SqliteDatabase>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // table names come from the tests themselves
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
#pragma warning restore CA2100
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Every file under the packages folder, except the (empty) upload spool.</summary>
    public IReadOnlyList<string> PackageFiles() =>
        Directory.Exists(PackagesDirectory)
            ? [.. Directory.GetFiles(PackagesDirectory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(PackagesDirectory, f))]
            : [];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans the temp folder later
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("AppLayer:DataDirectory", DataDirectory);
        // The host's own escalation and outbox job runs on the real clock while the tests move a fake one:
        // out of the way unless a test sets its interval.
        builder.UseSetting("AppLayer:Mail:PollInterval", "01:00:00");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }
}
