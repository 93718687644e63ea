using System.Globalization;
using System.Text.RegularExpressions;
using AppLayer.Protocol;

namespace AppLayer.Site.Service;

/// <summary>
/// A systemd service (one <c>site run</c>) and timer for one installation: <c>applayer-site-&lt;installation&gt;.service</c>
/// and <c>.timer</c>. The service runs as its own user with hardening (no new privileges, the whole file system read-only
/// but the database's folder, a private <c>/tmp</c>, memory and task limits on its cgroup, which holds the workers too);
/// the timer keeps to the wall clock (<c>OnCalendar=</c>) so <c>Persistent=true</c> catches up a run missed while the
/// machine was off.
/// </summary>
public static partial class SystemdUnits
{
    /// <summary>Writes both units; returns their paths.</summary>
    /// <exception cref="UserException">A bad interval, user or limit, a database path the unit cannot name, or an unwritable folder.</exception>
    public static (string Service, string Timer) Write(string unitFolder, string installation, string database, string command, string every, ServiceLimits? limits = null)
    {
        var (service, timer) = Render(installation, database, command, every, limits ?? new ServiceLimits());
        var name = UnitName(installation);
        try
        {
            Directory.CreateDirectory(unitFolder);
            var servicePath = Path.Combine(unitFolder, name + ".service");
            var timerPath = Path.Combine(unitFolder, name + ".timer");
            File.WriteAllText(servicePath, service);
            File.WriteAllText(timerPath, timer);
            return (servicePath, timerPath);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new UserException($"cannot write the units to {unitFolder}: {ex.Message} (run as root, or pass --unit-dir).", ex);
        }
    }

    /// <summary><c>applayer-site-&lt;installation&gt;</c>, with anything but <c>[A-Za-z0-9_.-]</c> replaced.</summary>
    public static string UnitName(string installation) => "applayer-site-" + SafeName().Replace(installation, "-");

    /// <summary>The text of both units.</summary>
    /// <exception cref="UserException">A bad interval, user or limit, or a database path the unit cannot name.</exception>
    public static (string Service, string Timer) Render(string installation, string database, string command, string every, ServiceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var (calendar, delay) = Schedule(every);
        if (!UserPattern().IsMatch(limits.User ?? string.Empty))
        {
            throw new UserException($"--user '{limits.User}' is not a user name (lower-case letters, digits, '-' and '_', starting with a letter or '_').");
        }

        if (!MemoryPattern().IsMatch(limits.MemoryMax ?? string.Empty))
        {
            throw new UserException($"--memory-max '{limits.MemoryMax}' is not a size such as 4G or 3072M.");
        }

        if (limits.TasksMax is < 16 or > 100_000)
        {
            throw new UserException($"--tasks-max {limits.TasksMax} is out of range (16 to 100000; the agent and one worker need about 60).");
        }

        var full = Path.GetFullPath(database);
        if (full.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '\\' or '%' or ';'))
        {
            throw new UserException($"the database path '{full}' has a space, quote, backslash, '%' or ';' that a systemd unit cannot carry as is; move the database to a plain path.");
        }

        var folder = Path.GetDirectoryName(full)!;
        var name = UnitName(installation);
        var service = $"""
            [Unit]
            Description=AppLayer site agent for installation {installation}: pull, apply and report updates
            After=network-online.target
            Wants=network-online.target

            [Service]
            Type=oneshot
            User={limits.User}
            ExecStart={command} site run --db {full}
            WorkingDirectory={folder}
            Nice=10
            UMask=0077
            NoNewPrivileges=yes
            ProtectSystem=strict
            ProtectHome=read-only
            PrivateTmp=yes
            ReadWritePaths={folder}
            MemoryMax={limits.MemoryMax}
            TasksMax={limits.TasksMax.ToString(CultureInfo.InvariantCulture)}

            [Install]
            WantedBy=multi-user.target

            """;
        var timer = $"""
            [Unit]
            Description=Runs {name}.service {every} by the clock, and a missed run after boot

            [Timer]
            OnCalendar={calendar}
            RandomizedDelaySec={delay}
            Persistent=true
            Unit={name}.service

            [Install]
            WantedBy=timers.target

            """;
        return (service, timer);
    }

    /// <summary>How this very program is started again: the tool's own executable, or <c>dotnet applayer.dll</c>.</summary>
    public static string SelfCommand()
    {
        var process = Environment.ProcessPath ?? "applayer";
        return Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? $"{process} {Path.Combine(AppContext.BaseDirectory, "applayer.dll")}"
            : process;
    }

    /// <summary>
    /// The timer's wall-clock schedule for an interval, and how far each run is spread (a quarter of the interval, at
    /// most 30 minutes) so a fleet does not call the host in the same second. Only intervals that divide an hour or a
    /// day keep to the clock, which <c>Persistent=true</c> needs (it works with <c>OnCalendar=</c> only).
    /// </summary>
    private static (string Calendar, string Delay) Schedule(string every)
    {
        var match = IntervalPattern().Match(every ?? string.Empty);
        var n = match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var (calendar, minutes) = match.Success ? match.Groups[2].Value switch
        {
            "min" when n is > 0 and < 60 && 60 % n == 0 => ($"*-*-* *:00/{n:00}:00", n),
            "h" when n is > 0 and < 24 && 24 % n == 0 => ($"*-*-* 00/{n:00}:00:00", n * 60),
            "h" when n == 24 => ("*-*-* 00:00:00", 24 * 60),
            "d" when n == 1 => ("*-*-* 00:00:00", 24 * 60),
            _ => (null, 0),
        } : (null, 0);
        return calendar is null
            ? throw new UserException($"--every '{every}' is not an interval the timer can keep to the clock: minutes that divide an hour (5min, 10min, 15min, 20min, 30min), hours that divide a day (1h, 2h, 3h, 4h, 6h, 8h, 12h) or 1d.")
            : (calendar, $"{Math.Min(minutes * 60 / 4, 30 * 60).ToString(CultureInfo.InvariantCulture)}s");
    }

    [GeneratedRegex(@"^(\d{1,3})(min|h|d)$")]
    private static partial Regex IntervalPattern();

    [GeneratedRegex("[^A-Za-z0-9_.-]")]
    private static partial Regex SafeName();

    [GeneratedRegex("^[a-z_][a-z0-9_-]{0,31}$")]
    private static partial Regex UserPattern();

    [GeneratedRegex(@"^\d+[KMGT]?$")]
    private static partial Regex MemoryPattern();
}

/// <summary>Who the service runs as and its cgroup's limits (the agent and every worker it starts together).</summary>
/// <param name="User">The service's own user (create it: <c>useradd --system applayer</c>; it owns the database's folder).</param>
/// <param name="MemoryMax">systemd's <c>MemoryMax=</c>: above the worker's 2 GiB heap and native allowance as it really uses them.</param>
/// <param name="TasksMax">systemd's <c>TasksMax=</c>: threads and processes of the agent, its workers and whatever a plugin starts.</param>
public sealed record ServiceLimits(string User = "applayer", string MemoryMax = "4G", int TasksMax = 512);
