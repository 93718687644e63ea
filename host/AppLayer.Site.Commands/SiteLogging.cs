using AppLayer.Site;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace AppLayer.Cli.Commands;

/// <summary>
/// The site verbs' structured log (<see cref="SiteLog"/>). Under systemd (<c>JOURNAL_STREAM</c> set) every
/// step goes to the console in the systemd format, so the journal keeps each line's priority; otherwise
/// the normal console, on stderr and for warnings and errors only (the progress lines tell the rest).
/// </summary>
public static class SiteLogging
{
    public const string Category = "AppLayer.Site";

    /// <summary>Runs <paramref name="body"/> with the site log, flushed before it returns.</summary>
    public static async Task<int> WithLoggerAsync(Func<ILogger, Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var loggers = LoggerFactory.Create(logging => Configure(logging, Environment.GetEnvironmentVariable("JOURNAL_STREAM")));
        return await body(loggers.CreateLogger(Category));
    }

    /// <param name="logging">The builder to configure.</param>
    /// <param name="journalStream">The value of <c>JOURNAL_STREAM</c>, which systemd sets when stdout or stderr is the journal.</param>
    public static void Configure(ILoggingBuilder logging, string? journalStream)
    {
        ArgumentNullException.ThrowIfNull(logging);
        if (string.IsNullOrEmpty(journalStream))
        {
            logging.SetMinimumLevel(LogLevel.Warning);
            logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        }
        else
        {
            logging.SetMinimumLevel(LogLevel.Information);
            logging.AddSystemdConsole();
        }
    }
}
