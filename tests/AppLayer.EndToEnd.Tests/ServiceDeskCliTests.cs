namespace AppLayer.EndToEnd.Tests;

/// <summary>The Help Desk through the <c>applayer</c> verbs against a real <c>applayer serve</c> process.</summary>
public sealed class ServiceDeskCliTests : IClassFixture<HostProcessFixture>
{
    private readonly HostProcessFixture _host;

    public ServiceDeskCliTests(HostProcessFixture host) => _host = host;

    [Fact]
    public async Task A_ticket_is_opened_worked_resolved_and_billed_on_the_statement()
    {
        (await _host.AsManagerAsync("customer", "add", "dvorak", "--name", "Dvořák a syn s.r.o.")).ShouldSucceed();
        var terms = Path.Combine(_host.Root, "dvorak-terms.json");
        await File.WriteAllTextAsync(terms, """{ "rates": { "consultation": 1200 }, "includedHours": 0, "roundingMinutes": 15 }""");
        (await _host.AsManagerAsync("customer", "agreement", "dvorak", "--services", "help-desk,hotline,application-layer", "--effective", "2026-01-01", "--terms", terms)).ShouldSucceed();
        (await _host.AsManagerAsync("contact", "add", "dvorak", "--email", "ivana@dvorak.cz", "--name", "Ivana Dvořáková")).ShouldSucceed().Line.ShouldContain("/portal/");
        var opened = (await _host.AsManagerAsync("ticket", "open", "--customer", "dvorak", "--subject", "Invoice numbering skips", "--body", "After 2026/0041 comes 2026/0043.", "--channel", "email", "--contact", "ivana@dvorak.cz")).ShouldSucceed();
        opened.Line.ShouldStartWith("[AL-");
        var ticket = opened.Line[1..opened.Line.IndexOf(']', StringComparison.Ordinal)];

        (await _host.AsManagerAsync("ticket", "assign", ticket, "--expert", "tomas")).ShouldSucceed();
        (await _host.AsManagerAsync("ticket", "inform", ticket, "--text", "Found the cause in the numbering series.")).ShouldSucceed();
        (await _host.AsManagerAsync("consultation", "add", "--customer", "dvorak", "--type", "consulting", "--area", "accounting", "--topic", "Numbering series", "--worker", "tomas", "--start", "2026-10-05T09:00", "--minutes", "50", "--outcome", "Explained")).ShouldSucceed();
        (await _host.AsManagerAsync("time", "add", ticket, "--worker", "tomas", "--start", "2026-10-05T10:00", "--minutes", "30")).ShouldSucceed().Line.ShouldContain("covered");
        (await _host.AsManagerAsync("ticket", "resolve", ticket, "--text", "Fixed.")).ShouldSucceed().Line.ShouldBe($"[{ticket}] resolved");
        (await _host.AsManagerAsync("ticket", "list", "--customer", "dvorak")).ShouldSucceed().StdOut.ShouldContain("resolved");

        var csv = (await _host.AsManagerAsync("statement", "--customer", "dvorak", "--month", "2026-10", "--format", "csv")).ShouldSucceed().StdOut;
        csv.ShouldContain("billable,50,60,0,1200.00,1200.00");
        csv.ShouldContain(",,VAT 21 %,,,,,,252.00");
        csv.ShouldContain(",,total with VAT,,,,,,1452.00");
        (await _host.AsManagerAsync("statement", "--customer", "dvorak", "--month", "2026-10")).ShouldSucceed().StdOut.ShouldContain("total with VAT    1 452.00 CZK");
    }

    [Fact]
    public async Task Bad_input_is_one_error_line()
    {
        var unknown = await _host.AsManagerAsync("ticket", "open", "--customer", "nobody", "--subject", "s", "--body", "b");
        unknown.ExitCode.ShouldBe(1);
        unknown.StdErr.Trim().ShouldBe("error: the host refused (404 Not Found): Customer 'nobody' does not exist.");

        var negative = await _host.AsManagerAsync("time", "add", "AL-1", "--worker", "tomas", "--start", "yesterday", "--minutes", "-5");
        negative.ExitCode.ShouldBe(1);
        negative.StdErr.Trim().Split('\n').Length.ShouldBe(1);
        negative.StdErr.ShouldStartWith("error: 'yesterday' is not a time");
    }
}
