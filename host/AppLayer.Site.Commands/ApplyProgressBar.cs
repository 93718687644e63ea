using System.Text;
using AppLayer.Site;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace AppLayer.Cli.Commands;

/// <summary>
/// Runs an apply under a Spectre.Console progress bar when a person watches (stdout is a terminal);
/// the agent's lines are printed above the bar. Redirected output gets the plain lines only.
/// </summary>
internal static class ApplyProgressBar
{
    public static async Task<T> RunAsync<T>(bool rehearse, ILogger logger, Func<SiteAgentOptions, Task<T>> apply)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await apply(new SiteAgentOptions { Rehearse = rehearse, Logger = logger });
        }

        var result = default(T)!;
        await AnsiConsole.Progress().AutoClear(true).StartAsync(async context =>
        {
            var bar = context.AddTask("updates", maxValue: 1);
            var progress = new Reporter(p =>
            {
                bar.MaxValue = Math.Max(1, p.Total);
                bar.Value = p.Done;
                bar.Description = Markup.Escape(p.Phase == "done" ? "done" : $"{p.Phase} {p.Update}");
            });
            using var lines = new ConsoleLines();
            result = await apply(new SiteAgentOptions { Rehearse = rehearse, Logger = logger, Progress = progress, Output = lines });
        });
        return result;
    }

    private sealed class Reporter(Action<ApplyProgress> report) : IProgress<ApplyProgress>
    {
        public void Report(ApplyProgress value) => report(value);
    }

    /// <summary>Hands whole lines to Spectre, which prints them above the live bar.</summary>
    private sealed class ConsoleLines : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void WriteLine(string? value) => AnsiConsole.WriteLine(value ?? string.Empty);

        public override void Write(char value)
        {
            if (value != '\n')
            {
                AnsiConsole.Write(value.ToString());
            }
        }
    }
}
