using System.Globalization;

namespace AppLayer.EndToEnd.Tests;

/// <summary>The Help Desk through the <c>applayer</c> verbs against a real <c>applayer serve</c> process.</summary>
public sealed class ServiceDeskCliTests : IClassFixture<HostProcessFixture>
{
    private readonly HostProcessFixture _host;

    public ServiceDeskCliTests(HostProcessFixture host) => _host = host;

    [Fact]
    public async Task A_ticket_is_opened_worked_resolved_and_billed_on_the_statement()
    {
        // The host runs on the real clock and time may be logged at most 7 days before the ticket opened: the work is
        // dated on a recent working day (Tuesday to Thursday, no fixed public holiday), and billed in its month.
        var day = WorkingDayBefore(DateOnly.FromDateTime(DateTime.UtcNow));
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var month = day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
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
        (await _host.AsManagerAsync("consultation", "add", "--customer", "dvorak", "--type", "consulting", "--area", "accounting", "--topic", "Numbering series", "--worker", "tomas", "--start", date + "T09:00", "--minutes", "50", "--outcome", "Explained")).ShouldSucceed();
        (await _host.AsManagerAsync("time", "add", ticket, "--worker", "tomas", "--start", date + "T10:00", "--minutes", "30")).ShouldSucceed().Line.ShouldContain("covered");
        (await _host.AsManagerAsync("ticket", "resolve", ticket, "--text", "Fixed.")).ShouldSucceed().Line.ShouldBe($"[{ticket}] resolved");
        (await _host.AsManagerAsync("ticket", "list", "--customer", "dvorak")).ShouldSucceed().StdOut.ShouldContain("resolved");

        var csv = (await _host.AsManagerAsync("statement", "--customer", "dvorak", "--month", month, "--format", "csv")).ShouldSucceed().StdOut;
        csv.ShouldContain("billable,50,60,0,1200.00,1200.00");
        csv.ShouldContain(",,VAT 21 %,,,,,,252.00");
        csv.ShouldContain(",,total with VAT,,,,,,1452.00");
        (await _host.AsManagerAsync("statement", "--customer", "dvorak", "--month", month)).ShouldSucceed().StdOut.ShouldContain("total with VAT    1 452.00 CZK");
    }

    private static DateOnly WorkingDayBefore(DateOnly today)
    {
        (int Month, int Day)[] holidays = [(1, 1), (5, 1), (5, 8), (7, 5), (7, 6), (9, 28), (10, 28), (11, 17), (12, 24), (12, 25), (12, 26)];
        var day = today.AddDays(-1);
        while (day.DayOfWeek is not (DayOfWeek.Tuesday or DayOfWeek.Wednesday or DayOfWeek.Thursday) || holidays.Contains((day.Month, day.Day)))
        {
            day = day.AddDays(-1);
        }

        return day;
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
