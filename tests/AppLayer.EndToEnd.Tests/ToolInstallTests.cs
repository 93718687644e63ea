using Microsoft.Data.Sqlite;

namespace AppLayer.EndToEnd.Tests;

/// <summary>
/// The agent installed the way a customer installs it: the site agent's tool (package <c>AppLayer.Agent</c>,
/// command <c>applayer</c>) packed, pushed to the host's feed, <c>dotnet tool install</c>ed from it with the
/// site's key, then enrolled and run against the host.
/// </summary>
public sealed class ToolInstallTests : IClassFixture<HostProcessFixture>
{
    private readonly HostProcessFixture _host;

    public ToolInstallTests(HostProcessFixture host) => _host = host;

    [Fact]
    public async Task The_installed_tool_enrolls_applies_in_its_worker_and_writes_a_systemd_unit()
    {
        (await _host.AsManagerAsync("customer", "add", "dvorak", "--name", "Dvořák a syn s.r.o.", "--services", "help-desk,application-layer", "--modules", "accounting,payroll")).ShouldSucceed();
        (await _host.AsManagerAsync("installation", "add", "dvorak-prod", "--customer", "dvorak", "--modules", "accounting,payroll")).ShouldSucceed();
        var siteKey = (await _host.AsManagerAsync("installation", "key", "dvorak-prod")).ShouldSucceed().Line;
        var packed = await SiteToolPackage.PathAsync();
        // The tool is a kit package on the host's own feed: pushed with the publish key, installed with the site's key.
        var config = Path.Combine(_host.Root, "tool.NuGet.Config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="applayer" value="{_host.Url.TrimEnd('/')}/v3/index.json" allowInsecureConnections="true" />
              </packageSources>
              <packageSourceCredentials>
                <applayer>
                  <add key="Username" value="dvorak-prod" />
                  <add key="ClearTextPassword" value="{siteKey}" />
                </applayer>
              </packageSourceCredentials>
            </configuration>
            """);
        (await CliProcess.DotnetAsync("nuget", "push", packed, "--source", "applayer", "--api-key", _host.PublishKey, "--configfile", config)).ShouldSucceed();
        var tools = Path.Combine(_host.Root, "tools");

        (await CliProcess.DotnetAsync("tool", "install", SiteToolPackage.Id, "--tool-path", tools, "--configfile", config, "--version", "0.1.0", "--no-http-cache")).ShouldSucceed();

        var applayer = Path.Combine(tools, "applayer");
        File.Exists(applayer).ShouldBeTrue();
        var help = (await CliProcess.RunAsync(applayer, ["--help"], TimeSpan.FromMinutes(1))).ShouldSucceed();
        help.StdOut.ShouldContain("site agent");
        help.StdOut.ShouldNotContain("serve");
        var vat = Path.Combine(_host.Root, "tool-samples");
        (await CliProcess.DotnetAsync("pack", Path.Combine(CliProcess.RepoRoot, "plugins", "samples", "Cz.Vat2024", "Cz.Vat2024.csproj"), "-c", CliProcess.Configuration, "--no-build", "-o", vat)).ShouldSucceed();
        (await CliProcess.ApplayerAsync("publish", Directory.GetFiles(vat, "*.nupkg").Single(), "--host", _host.Url, "--key", _host.PublishKey)).ShouldSucceed();
        var db = Path.Combine(_host.Root, "dvorak.db");

        (await CliProcess.RunAsync(applayer, ["site", "init-demo", "--db", db], TimeSpan.FromMinutes(1))).ShouldSucceed();
        (await CliProcess.RunAsync(applayer, ["site", "enroll", "--host", _host.Url, "--key", siteKey, "--db", db], TimeSpan.FromMinutes(1))).ShouldSucceed();
        var run = (await CliProcess.RunAsync(applayer, ["site", "run", "--db", db], TimeSpan.FromMinutes(3))).ShouldSucceed();
        var unitFolder = Path.Combine(_host.Root, "systemd");
        var service = (await CliProcess.RunAsync(applayer, ["site", "service", "install", "--db", db, "--unit-dir", unitFolder, "--every", "6h"], TimeSpan.FromMinutes(1))).ShouldSucceed();

        run.StdOut.ShouldContain("applied Cz.Vat2024 1.0.0 (Act No. 349/2023 Coll.)");
        run.StdOut.ShouldContain("Cz.Vat2024 (rehearsal):");
        using (var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT package_id || ' ' || version FROM applayer_history";
            command.ExecuteScalar().ShouldBe("Cz.Vat2024 1.0.0");
        }

        var unit = await File.ReadAllTextAsync(Path.Combine(unitFolder, "applayer-site-dvorak-prod.service"));
        unit.ShouldContain($"ExecStart={applayer} site run --db {db}");
        var timer = await File.ReadAllTextAsync(Path.Combine(unitFolder, "applayer-site-dvorak-prod.timer"));
        timer.ShouldContain("OnCalendar=*-*-* 00/06:00:00");
        timer.ShouldContain("Persistent=true");
        service.StdOut.ShouldContain("systemctl enable --now applayer-site-dvorak-prod.timer");
    }
}
