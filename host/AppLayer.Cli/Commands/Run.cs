using AppLayer.Core;
using AppLayer.Sdk;

namespace AppLayer.Cli.Commands;

/// <summary>
/// Runs a verb's body: a user's mistake is one line on stderr and exit code 1;
/// anything else is a bug and keeps its stack trace (exit code 70).
/// </summary>
internal static class Run
{
    public const int UserError = 1;
    public const int InternalError = 70;

    public static async Task<int> SafelyAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception ex) when (ex is UserException or ManifestException)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return UserError;
        }
        catch (HttpRequestException ex)
        {
            await Console.Error.WriteLineAsync($"error: cannot reach the host: {ex.Message}");
            return UserError;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("cancelled");
            return 130;
        }
    }
}
