using System.CommandLine;
using AppLayer.Protocol;
using AppLayer.Sdk;

namespace AppLayer.Cli.Commands;

/// <summary>
/// Runs a verb's body: a user's mistake is one line on stderr and exit code 1;
/// anything else is a bug and keeps its stack trace (exit code 70).
/// </summary>
public static class Run
{
    public const int UserError = 1;
    public const int InternalError = 70;

    public static Task<int> SafelyAsync(Func<Task<int>> body) => SafelyAsync(body, Console.Error);

    /// <summary>Runs a verb that writes to the invocation's output and error writers (so it runs in-process too).</summary>
    public static Task<int> SafelyAsync(ParseResult parse, Func<TextWriter, TextWriter, Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(body);
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        return SafelyAsync(() => body(output, error), error);
    }

    private static async Task<int> SafelyAsync(Func<Task<int>> body, TextWriter error)
    {
        try
        {
            return await body();
        }
        catch (Exception ex) when (ex is UserException or ManifestException)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return UserError;
        }
        catch (HttpRequestException ex)
        {
            await error.WriteLineAsync($"error: cannot reach the host: {ex.Message}");
            return UserError;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("cancelled");
            return 130;
        }
    }
}
