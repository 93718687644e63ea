using System.Globalization;
using System.Text.Json;

namespace AppLayer.EndToEnd.Tests;

/// <summary>
/// Inventory, support dates and release gates through the <c>applayer</c> verbs against a real <c>applayer serve</c>
/// process and a real site enrolled with it.
/// </summary>
public sealed class SystemLayerCliTests : IClassFixture<HostProcessFixture>
{
    private readonly HostProcessFixture _host;

    public SystemLayerCliTests(HostProcessFixture host) => _host = host;

    [Fact]
    public async Task Site_check_reports_the_inventory_and_a_manager_flags_it_by_moving_the_runtimes_end_of_support()
    {
        (await _host.AsManagerAsync("customer", "add", "cerny", "--name", "Černý s.r.o.", "--services", "application-layer", "--modules", "accounting")).ShouldSucceed();
        (await _host.AsManagerAsync("installation", "add", "cerny-prod", "--customer", "cerny", "--modules", "accounting")).ShouldSucceed();
        var siteKey = (await _host.AsManagerAsync("installation", "key", "cerny-prod")).ShouldSucceed().Line;
        var db = Path.Combine(_host.Root, "cerny.db");
        (await CliProcess.ApplayerAsync("site", "init-demo", "--db", db)).ShouldSucceed();
        (await CliProcess.ApplayerAsync("site", "enroll", "--host", _host.Url, "--key", siteKey, "--db", db)).ShouldSucceed();

        var check = (await CliProcess.ApplayerAsync("site", "check", "--db", db, "--json")).ShouldSucceed();

        using (var report = JsonDocument.Parse(check.StdOut))
        {
            report.RootElement.GetProperty("inventoryReported").GetBoolean().ShouldBeTrue(check.StdErr);
        }

        var shown = (await _host.AsManagerAsync("inventory", "show", "cerny-prod", "--json")).ShouldSucceed();
        using (var inventory = JsonDocument.Parse(shown.StdOut))
        {
            var dotnet = inventory.RootElement.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("component").GetString() == "dotnet");
            dotnet.GetProperty("support").GetString().ShouldBe("supported");
        }

        var major = Environment.Version.Major.ToString(CultureInfo.InvariantCulture);
        (await _host.AsManagerAsync("support-dates", "set", "dotnet", major, "--end", "2020-01-31")).ShouldSucceed().Line.ShouldEndWith($"(dotnet {major}): supported until 2020-01-31");
        var flagged = await _host.AsManagerAsync("inventory", "flagged", "--json");

        flagged.ExitCode.ShouldBe(2, flagged.StdErr);
        using (var list = JsonDocument.Parse(flagged.StdOut))
        {
            var cerny = list.RootElement.EnumerateArray().Single(i => i.GetProperty("installation").GetString() == "cerny-prod");
            cerny.GetProperty("support").GetString().ShouldBe("unsupported");
        }

        (await _host.AsManagerAsync("support-dates", "list")).ShouldSucceed().StdOut.ShouldContain("2020-01-31");
        (await _host.AsManagerAsync("inventory", "flagged")).StdOut.ShouldContain("cerny-prod");
    }

    [Fact]
    public async Task Bad_gate_and_date_input_is_one_error_line()
    {
        var gate = await _host.AsManagerAsync("release", "gate", "Cz.Nothing", "1.0.0");
        gate.ExitCode.ShouldBe(1);
        gate.StdErr.Trim().ShouldBe("error: the host refused (400 Bad Request): Package Cz.Nothing 1.0.0 is not an update in the feed.");

        var approve = await _host.AsManagerAsync("release", "approve", "Cz.Nothing", "1.0.0");
        approve.ExitCode.ShouldBe(1);
        approve.StdErr.Trim().ShouldBe("error: give either --installation CODE or --all-rehearsed.");

        var date = await _host.AsManagerAsync("support-dates", "set", "dotnet", "10");
        date.ExitCode.ShouldBe(1);
        date.StdErr.Trim().ShouldBe("error: give either --end YYYY-MM-DD or --no-end.");
    }
}
