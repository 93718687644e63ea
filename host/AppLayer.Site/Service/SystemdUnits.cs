using System.Text.RegularExpressions;
using AppLayer.Protocol;

namespace AppLayer.Site.Service;

/// <summary>
/// A systemd service (one <c>site run</c>) and timer (every so often, and once after boot) for one
/// installation: <c>applayer-site-&lt;installation&gt;.service</c> and <c>.timer</c>.
/// </summary>
public static partial class SystemdUnits
{
    /// <summary>Writes both units; returns their paths.</summary>
    /// <exception cref="UserException">A bad interval or an unwritable folder.</exception>
    public static (string Service, string Timer) Write(string unitFolder, string installation, string database, string command, string every)
    {
        if (!IntervalPattern().IsMatch(every ?? string.Empty))
        {
            throw new UserException($"--every '{every}' is not an interval such as 30min, 6h or 1d.");
        }

        var name = "applayer-site-" + SafeName().Replace(installation, "-");
        var service = $"""
            [Unit]
            Description=AppLayer site agent for installation {installation}: pull, apply and report updates
            After=network-online.target
            Wants=network-online.target

            [Service]
            Type=oneshot
            ExecStart={command} site run --db {database}
            WorkingDirectory={Path.GetDirectoryName(database)}
            Nice=10

            [Install]
            WantedBy=multi-user.target

            """;
        var timer = $"""
            [Unit]
            Description=Runs {name}.service periodically

            [Timer]
            OnBootSec=10min
            OnUnitActiveSec={every}
            Persistent=true

            [Install]
            WantedBy=timers.target

            """;
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

    /// <summary>How this very program is started again: the tool's own executable, or <c>dotnet applayer.dll</c>.</summary>
    public static string SelfCommand()
    {
        var process = Environment.ProcessPath ?? "applayer";
        return Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? $"{process} {Path.Combine(AppContext.BaseDirectory, "applayer.dll")}"
            : process;
    }

    [GeneratedRegex(@"^\d+(s|min|h|d)$")]
    private static partial Regex IntervalPattern();

    [GeneratedRegex("[^A-Za-z0-9_.-]")]
    private static partial Regex SafeName();
}
