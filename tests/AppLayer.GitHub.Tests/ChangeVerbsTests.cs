using AppLayer.GitHub.Tests.Support;

namespace AppLayer.GitHub.Tests;

/// <summary>The work-item verbs of <c>applayer change</c> against a real host on loopback.</summary>
public sealed class ChangeVerbsTests : LoopbackWorld
{
    [Fact]
    public async Task Record_move_through_the_workflow_update_and_show_the_audit_trail()
    {
        var added = (await ApplayerAsync(
            "change", "add", "--reference", "Government Regulation No. 286/2024 Coll.", "--reference", "Act No. 262/2006 Coll.",
            "--title", "Minimum wage", "--area", "payroll", "--effective", "2025-01-01", "--announced", "2024-09-30",
            "--transition-end", "2025-03-31", "--assignee", "jana", "--source", "https://example.org/286")).ShouldSucceed();
        var illegal = await ApplayerAsync("change", "status", "1", "released");
        var analysed = (await ApplayerAsync("change", "status", "1", "analysed")).ShouldSucceed();
        var updated = (await ApplayerAsync("change", "update", "1", "--assignee", "petr", "--clear", "transition-end")).ShouldSucceed();
        var shown = (await ApplayerAsync("change", "show", "1")).ShouldSucceed();
        var listed = (await ApplayerAsync("change", "list")).ShouldSucceed();

        added.StdOut.Trim().ShouldBe("Government Regulation No. 286/2024 Coll. recorded as legal change 1, effective 2025-01-01");
        illegal.ExitCode.ShouldBe(1);
        illegal.StdErr.Trim().ShouldBe("error: the host refused (409 Conflict): A legal change cannot go from announced to released; allowed from announced: analysed, not-applicable.");
        analysed.StdOut.Trim().ShouldBe("legal change 1 (Government Regulation No. 286/2024 Coll.) is analysed");
        updated.StdOut.Trim().ShouldBe("legal change 1 updated: Government Regulation No. 286/2024 Coll., effective 2025-01-01, analysed");
        shown.StdOut.ShouldContain("references      Government Regulation No. 286/2024 Coll.; Act No. 262/2006 Coll.");
        shown.StdOut.ShouldContain("transition end  -");
        shown.StdOut.ShouldContain("assignee        petr");
        var audit = shown.StdOut.Split('\n').Where(l => l.StartsWith("2024-01-15 09:00:00", StringComparison.Ordinal)).ToList();
        audit.Select(l => l.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[2])
            .ShouldBe(["recorded", "status", "transition-end", "assignee"]);
        audit.ShouldAllBe(l => l.Contains($"{Environment.UserName} (manager key #"));
        listed.StdOut.ShouldContain("analysed");
    }

    [Fact]
    public async Task Refuse_an_effective_date_before_the_announcement_in_one_line()
    {
        var result = await ApplayerAsync("change", "add", "--reference", "Act No. 1/2025 Coll.", "--title", "x", "--area", "tax", "--effective", "2025-01-01", "--announced", "2025-02-01");

        result.ExitCode.ShouldBe(1);
        result.StdErr.Trim().ShouldBe("error: the host refused (400 Bad Request): The effective date 2025-01-01 is before the announcement on 2025-02-01.");
    }
}
