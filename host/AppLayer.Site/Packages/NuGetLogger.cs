using NuGet.Common;

namespace AppLayer.Site.Packages;

/// <summary>NuGet's warnings and errors go to the agent's output; its chatter does not.</summary>
internal sealed class NuGetLogger : LoggerBase
{
    private readonly TextWriter _output;

    public NuGetLogger(TextWriter output)
        : base(LogLevel.Warning) => _output = output;

    public override void Log(ILogMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (DisplayMessage(message.Level))
        {
            _output.WriteLine($"  nuget {message.Level.ToString().ToLowerInvariant()}: {message.Message}");
        }
    }

    public override Task LogAsync(ILogMessage message)
    {
        Log(message);
        return Task.CompletedTask;
    }
}
