using System.Diagnostics;
using AppLayer.Protocol;
using AppLayer.Site.Service;

namespace AppLayer.Site.Tests;

/// <summary>
/// The units <c>applayer site service install</c> writes: a hardened service as its own user and a timer that keeps to
/// the clock (<c>OnCalendar=</c>, the only kind <c>Persistent=true</c> works with); checked by <c>systemd-analyze
/// verify</c> where it is installed.
/// </summary>
public sealed class SystemdUnitsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("applayer-units-");

    private string Database => Path.Combine(_folder.FullName, "data", "IS.db");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void The_service_runs_as_its_own_user_with_hardening_and_limits_and_may_write_only_the_databases_folder()
    {
        var (service, timer) = SystemdUnits.Write(_folder.FullName, "novak-prod", Database, SystemdUnits.SelfCommand(), "6h");

        Path.GetFileName(service).ShouldBe("applayer-site-novak-prod.service");
        var lines = File.ReadAllLines(service);
        lines.ShouldContain("Type=oneshot");
        lines.ShouldContain("User=applayer");
        lines.ShouldContain("NoNewPrivileges=yes");
        lines.ShouldContain("ProtectSystem=strict");
        lines.ShouldContain("PrivateTmp=yes");
        lines.ShouldContain($"ReadWritePaths={Path.GetDirectoryName(Database)}");
        lines.ShouldContain("MemoryMax=4G");
        lines.ShouldContain("TasksMax=512");
        lines.ShouldContain("UMask=0077");
        lines.ShouldContain($"ExecStart={SystemdUnits.SelfCommand()} site run --db {Database}");
        lines.Count(l => l.StartsWith("ReadWritePaths=", StringComparison.Ordinal)).ShouldBe(1, "nothing else is writable");

        var timerLines = File.ReadAllLines(timer);
        timerLines.ShouldContain("OnCalendar=*-*-* 00/06:00:00");
        timerLines.ShouldContain("Persistent=true");
        timerLines.ShouldContain("RandomizedDelaySec=1800s");
        timerLines.ShouldContain("Unit=applayer-site-novak-prod.service");
        timerLines.ShouldNotContain(l => l.StartsWith("OnUnitActiveSec=", StringComparison.Ordinal), "Persistent= does nothing for monotonic timers");
    }

    [Theory]
    [InlineData("30min", "*-*-* *:00/30:00", "450s")]
    [InlineData("15min", "*-*-* *:00/15:00", "225s")]
    [InlineData("1h", "*-*-* 00/01:00:00", "900s")]
    [InlineData("12h", "*-*-* 00/12:00:00", "1800s")]
    [InlineData("1d", "*-*-* 00:00:00", "1800s")]
    public void The_timer_keeps_each_interval_to_the_clock(string every, string calendar, string delay)
    {
        var (_, timer) = SystemdUnits.Render("x", Database, "/usr/bin/applayer", every, new ServiceLimits());

        timer.ShouldContain($"OnCalendar={calendar}\n");
        timer.ShouldContain($"RandomizedDelaySec={delay}\n");
    }

    [Fact]
    public void The_user_and_the_limits_are_the_operators_to_choose()
    {
        var (service, _) = SystemdUnits.Render("x", Database, "/usr/bin/applayer", "6h", new ServiceLimits("is-agent", "3072M", 256));

        service.ShouldContain("User=is-agent\n");
        service.ShouldContain("MemoryMax=3072M\n");
        service.ShouldContain("TasksMax=256\n");
    }

    [Theory]
    [InlineData("45min", "applayer", "4G", 512, "--every '45min' is not an interval the timer can keep to the clock")]
    [InlineData("90s", "applayer", "4G", 512, "--every '90s' is not an interval")]
    [InlineData("6h", "root;rm", "4G", 512, "--user 'root;rm' is not a user name")]
    [InlineData("6h", "applayer", "lots", 512, "--memory-max 'lots' is not a size")]
    [InlineData("6h", "applayer", "4G", 3, "--tasks-max 3 is out of range")]
    public void Refuses_bad_settings_in_one_line_and_writes_nothing(string every, string user, string memory, int tasks, string message)
    {
        var error = Should.Throw<UserException>(() => SystemdUnits.Write(_folder.FullName, "x", Database, "/usr/bin/applayer", every, new ServiceLimits(user, memory, tasks)));

        error.Message.ShouldStartWith(message);
        error.Message.ShouldNotContain("\n");
        Directory.GetFiles(_folder.FullName).ShouldBeEmpty();
    }

    [Fact]
    public void Refuses_a_database_path_a_unit_cannot_carry()
    {
        var error = Should.Throw<UserException>(() => SystemdUnits.Render("x", Path.Combine(_folder.FullName, "my data", "IS.db"), "/usr/bin/applayer", "6h", new ServiceLimits()));

        error.Message.ShouldContain("a systemd unit cannot carry");
    }

    [Fact]
    public async Task Systemd_analyze_verify_finds_nothing_to_say_about_the_units()
    {
        var analyze = new[] { "/usr/bin/systemd-analyze", "/bin/systemd-analyze" }.FirstOrDefault(File.Exists);
        if (analyze is null)
        {
            // xunit 2 has no runtime skip: say so where the run's output shows it, and check the rest above
            Console.WriteLine("SKIPPED systemd-analyze verify: systemd-analyze is not installed here (Debian: apt-get install systemd)");
            return;
        }

        var (service, timer) = SystemdUnits.Write(_folder.FullName, "novak-prod", Database, SystemdUnits.SelfCommand(), "6h");
        var info = new ProcessStartInfo(analyze) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "verify", service, timer })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var said = (await output + await error).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.Contains("applayer-site-novak-prod", StringComparison.Ordinal)).ToList();

        process.ExitCode.ShouldBe(0, string.Join('\n', said));
        said.ShouldBeEmpty("systemd-analyze verify warns about nothing in the units (an unknown key, a bad value)");
    }
}
