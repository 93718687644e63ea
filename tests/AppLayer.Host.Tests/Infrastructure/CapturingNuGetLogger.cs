using NuGet.Common;

namespace AppLayer.Host.Tests.Infrastructure;

/// <summary>Keeps what NuGet's client logs, so a failing test can show it.</summary>
public sealed class CapturingNuGetLogger : LoggerBase
{
    private readonly List<string> _lines = [];

    public string Text
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    public override void Log(ILogMessage message)
    {
        lock (_lines)
        {
            _lines.Add($"{message.Level}: {message.Message}");
        }
    }

    public override Task LogAsync(ILogMessage message)
    {
        Log(message);
        return Task.CompletedTask;
    }
}
