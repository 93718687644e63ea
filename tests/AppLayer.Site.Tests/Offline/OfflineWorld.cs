using System.CommandLine;
using System.Globalization;
using AppLayer.Cli;
using AppLayer.Core.Agreements;
using AppLayer.Core.Keys;
using AppLayer.Host;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;
using AppLayer.Site.Offline;
using AppLayer.Site.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AppLayer.Site.Tests.Offline;

/// <summary>
/// The real host in-process on 127.0.0.1 (fresh data folder, fake clock at the sites' time) with
/// customers novak and horak (one installation each, accounting and payroll) and the two sample
/// updates published (or the packages given instead); the <c>applayer</c> verbs run in-process against it.
/// </summary>
internal sealed class OfflineWorld : IAsyncDisposable
{
    private RunningHost? _host;

    private OfflineWorld(string folder) => Folder = folder;

    public string Folder { get; }

    public string DataDirectory => Path.Combine(Folder, "host");

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2024, 12, 20, 9, 30, 0, TimeSpan.Zero));

    public string Url => _host?.BaseAddress.AbsoluteUri ?? throw new InvalidOperationException("the host is stopped");

    public string ManagerKey { get; private set; } = string.Empty;

    public static async Task<OfflineWorld> StartAsync(BuiltPackages packages, params string[] published)
    {
        var world = new OfflineWorld(packages.NewFolder());
        world.ManagerKey = (await AppLayerHost.CreateKeyAsync(world.DataDirectory, KeyScope.Manager, null, null)).Key;
        var publishKey = (await AppLayerHost.CreateKeyAsync(world.DataDirectory, KeyScope.Publish, null, null)).Key;
        await world.StartHostAsync();
        using var manager = world.Manager();
        foreach (var customer in new[] { "novak", "horak" })
        {
            await manager.PostAsync<CustomerDto>("api/customers", new CreateCustomerRequest(customer, customer + " s.r.o."), CancellationToken.None);
            await manager.PutAsync<AgreementDto>($"api/customers/{customer}/agreement", new SetAgreementRequest([Agreement.ApplicationLayer], ["accounting", "payroll"]), CancellationToken.None);
            await manager.PostAsync<InstallationDto>($"api/customers/{customer}/installations", new CreateInstallationRequest(customer + "-prod", customer + " production", "5.2.0", ["accounting", "payroll"], null), CancellationToken.None);
        }

        using var publisher = new AppLayerClient(world._host!.BaseAddress, publishKey);
        foreach (var package in published.Length > 0 ? published : [packages.Vat2024, packages.MinimumWage2025])
        {
            await publisher.PushAsync(package, CancellationToken.None);
        }

        return world;
    }

    public AppLayerClient Manager() => new(new Uri(Url), ManagerKey);

    /// <summary>A demo IS enrolled (online, once) as <paramref name="installation"/>.</summary>
    public async Task<TempSite> EnrolledSiteAsync(string installation = "novak-prod")
    {
        using var manager = Manager();
        var key = await manager.PostAsync<CreatedKeyDto>($"api/installations/{installation}/keys", new { }, CancellationToken.None);
        var site = await TempSite.CreateAsync();
        await site.Agent.EnrollAsync(Url, key.Key);
        return site;
    }

    /// <summary>The agent without a network, on the site's clock and output.</summary>
    public static OfflineSite Offline(TempSite site, bool rehearse = false) => new(site.Database, new SiteAgentOptions
    {
        Clock = site.Clock,
        Output = site.Output,
        WorkerTimeout = TimeSpan.FromMinutes(2),
        Rehearse = rehearse,
    });

    /// <summary><c>applayer bundle export --customer C --out FILE</c> with the manager key.</summary>
    public async Task<string> ExportBundleAsync(string customer)
    {
        var file = Path.Combine(Folder, customer + "-" + Guid.NewGuid().ToString("N")[..6] + ".zip");
        var (code, output, error) = await ApplayerAsync("bundle", "export", "--customer", customer, "--out", file);
        code.ShouldBe(0, output + error);
        return file;
    }

    /// <summary>Runs <c>applayer ARGS --host URL --key MANAGER</c> in-process.</summary>
    public async Task<(int Code, string Output, string Error)> ApplayerAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await CliApp.Build().Parse([.. args, "--host", Url, "--key", ManagerKey]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Stops the host: nothing listens any more.</summary>
    public async Task StopHostAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
            _host = null;
        }
    }

    /// <summary>Starts the host again on the same data folder (a new port).</summary>
    public async Task StartHostAsync() =>
        _host = await AppLayerHost.StartAsync(new AppLayerHostOptions { DataDirectory = DataDirectory, Urls = "http://127.0.0.1:0", Time = Time });

    public async ValueTask DisposeAsync() => await StopHostAsync();
}
