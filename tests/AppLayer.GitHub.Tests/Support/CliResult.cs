namespace AppLayer.GitHub.Tests.Support;

/// <summary>What one in-process <c>applayer</c> invocation printed and returned.</summary>
public sealed record CliResult(int ExitCode, string StdOut, string StdErr)
{
    public string All => StdOut + StdErr;

    public CliResult ShouldSucceed()
    {
        ExitCode.ShouldBe(0, All);
        return this;
    }
}
