using AppLayer.Cli.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace AppLayer.Site.Tests;

/// <summary>The site verbs' console log: the systemd format under systemd (JOURNAL_STREAM set), the normal console otherwise.</summary>
public sealed class SiteLoggingTests
{
    [Fact]
    public void Under_systemd_uses_the_systemd_format_from_information_on()
    {
        using var services = Configured("8:12345");

        Options(services).FormatterName.ShouldBe(ConsoleFormatterNames.Systemd);
        Logger(services).IsEnabled(LogLevel.Information).ShouldBeTrue();
    }

    [Fact]
    public void Otherwise_uses_the_normal_console_on_stderr_for_warnings_and_errors()
    {
        using var services = Configured(null);

        Options(services).FormatterName.ShouldNotBe(ConsoleFormatterNames.Systemd);
        Options(services).LogToStandardErrorThreshold.ShouldBe(LogLevel.Trace);
        Logger(services).IsEnabled(LogLevel.Information).ShouldBeFalse();
        Logger(services).IsEnabled(LogLevel.Warning).ShouldBeTrue();
    }

    private static ServiceProvider Configured(string? journalStream) =>
        new ServiceCollection().AddLogging(logging => SiteLogging.Configure(logging, journalStream)).BuildServiceProvider();

    private static ConsoleLoggerOptions Options(ServiceProvider services) => services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;

    private static ILogger Logger(ServiceProvider services) => services.GetRequiredService<ILoggerFactory>().CreateLogger(SiteLogging.Category);
}
