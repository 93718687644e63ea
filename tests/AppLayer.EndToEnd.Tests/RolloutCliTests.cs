namespace AppLayer.EndToEnd.Tests;

/// <summary>The <c>applayer rollout</c> and <c>applayer freeze</c> verbs against a real <c>applayer serve</c> process.</summary>
public sealed class RolloutCliTests : IClassFixture<HostProcessFixture>
{
    private readonly HostProcessFixture _host;

    public RolloutCliTests(HostProcessFixture host) => _host = host;

    [Fact]
    public async Task A_freeze_is_added_listed_and_lifted_and_bad_input_is_one_error_line()
    {
        (await _host.AsManagerAsync("customer", "add", "frost", "--name", "Frost a.s.", "--services", "application-layer", "--modules", "accounting")).ShouldSucceed();
        var added = (await _host.AsManagerAsync("freeze", "add", "--from", "2099-12-20", "--to", "2100-01-15", "--customer", "frost", "--reason", "year-end closing")).ShouldSucceed();
        added.Line.ShouldEndWith(": 2099-12-20 to 2100-01-15 for frost: only urgent legal updates go out (year-end closing)");
        var id = added.Line.Split(' ', ':')[1];
        (await _host.AsManagerAsync("freeze", "list")).ShouldSucceed().StdOut.ShouldContain("year-end closing");
        (await _host.AsManagerAsync("freeze", "lift", id)).ShouldSucceed().Line.ShouldBe($"lifted freeze {id} (2099-12-20 to 2100-01-15, frost)");

        var again = await _host.AsManagerAsync("freeze", "lift", id);
        again.ExitCode.ShouldBe(1);
        again.StdErr.Trim().ShouldBe($"error: the host refused (404 Not Found): Freeze {id} does not exist.");
        var backwards = await _host.AsManagerAsync("freeze", "add", "--from", "2099-02-01", "--to", "2099-01-01");
        backwards.ExitCode.ShouldBe(1);
        backwards.StdErr.Trim().ShouldBe("error: the host refused (400 Bad Request): A freeze ends on or after its first day: 2099-02-01 to 2099-01-01 is backwards.");

        var missing = await _host.AsManagerAsync("rollout", "create", "Cz.Nothing/1.0.0");
        missing.ExitCode.ShouldBe(1);
        missing.StdErr.Trim().ShouldBe("error: the host refused (400 Bad Request): Cz.Nothing 1.0.0 is not an update in the feed; push it first.");
        var shape = await _host.AsManagerAsync("rollout", "create", "Cz.Nothing");
        shape.ExitCode.ShouldBe(1);
        shape.StdErr.Trim().ShouldBe("error: the package must be ID/VERSION, e.g. Cz.Vat2024/1.0.0, not 'Cz.Nothing'.");
        var rings = await _host.AsManagerAsync("rollout", "create", "Cz.Nothing/1.0.0", "--rings", "1,ten,100");
        rings.ExitCode.ShouldBe(1);
        rings.StdErr.Trim().ShouldBe("error: --rings takes whole percentages such as 1,10,50,100, not 'ten'.");
        (await _host.AsManagerAsync("rollout", "list")).ShouldSucceed().Line.ShouldBe("no rollout: every version goes to every entitled installation at once");
    }
}
