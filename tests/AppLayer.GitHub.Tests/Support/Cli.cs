using System.CommandLine;
using AppLayer.Cli;

namespace AppLayer.GitHub.Tests.Support;

/// <summary>Runs the real <c>applayer</c> command tree in this process, capturing what it prints.</summary>
public static class Cli
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.Build().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
