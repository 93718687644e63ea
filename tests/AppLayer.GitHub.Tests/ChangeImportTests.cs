using System.Globalization;
using System.Text.RegularExpressions;
using AppLayer.GitHub.Tests.Support;
using AppLayer.GitHubStandIn;
using AppLayer.Protocol.Api;

namespace AppLayer.GitHub.Tests;

/// <summary><c>applayer change import --github</c> with Octokit's real HTTP client against the stand-in.</summary>
public static class ChangeImportTests
{
    private const string Label = "legal-change";

    private static StandInIssue Issue(int number, string? title = null, string? extra = null) => new(
        number,
        title ?? $"Regulation {number}",
        string.Create(CultureInfo.InvariantCulture, $"""
            ---
            reference: Government Regulation No. {number}/2024 Coll.
            effective: 2025-01-01
            announced: 2024-06-01
            {extra}
            ---
            What the regulation changes.
            """),
        [Label, "area:payroll", "module:payroll"],
        "jana");

    private static Task<CliResult> ImportAsync(LoopbackWorld world, params string[] more) =>
        world.GitHubVerbAsync(["change", "import", "--github", LoopbackWorld.Repository, "--label", Label, "--token", LoopbackWorld.Token, .. more]);

    private static async Task<List<LegalChangeDto>> ChangesAsync(LoopbackWorld world)
    {
        using var manager = world.Manager();
        return await manager.GetAsync<List<LegalChangeDto>>("api/legal-changes", CancellationToken.None);
    }

    public sealed class Import : LoopbackWorld
    {
        [Fact]
        public async Task Follows_pagination_past_100_issues_and_takes_fields_from_front_matter_and_labels()
        {
            GitHub.AddIssues(Repository, [.. Enumerable.Range(1, 230).Select(n => Issue(n))]);
            GitHub.AddIssues(
                Repository,
                new StandInIssue(500, "A pull request", "---\nreference: Act No. 1/2030 Coll.\neffective: 2030-01-01\n---", [Label, "area:tax"], IsPullRequest: true),
                new StandInIssue(501, "Not labelled", "---\nreference: Act No. 2/2030 Coll.\neffective: 2030-01-01\n---", ["area:tax"]));

            var result = (await ImportAsync(this)).ShouldSucceed();

            result.StdOut.ShouldContain($"230 issue(s) with label '{Label}' in {Repository}: 230 created, 0 updated, 0 unchanged, 0 merged, 0 skipped");
            var changes = await ChangesAsync(this);
            changes.Count.ShouldBe(230);
            var one = changes.Single(c => c.ExternalId == "github:acme/laws#7");
            (one.Reference, one.Title, one.Area, one.Jurisdiction, one.Assignee).ShouldBe(("Government Regulation No. 7/2024 Coll.", "Regulation 7", "payroll", "CZ", "jana"));
            (one.AnnouncedOn, one.EffectiveDate).ShouldBe((new DateOnly(2024, 6, 1), new DateOnly(2025, 1, 1)));
            one.Modules.ShouldBe(["payroll"]);
            one.SourceUrl.ShouldBe("https://github.example/acme/laws/issues/7");
            var pages = GitHub.Requests.Where(r => r.Method == "GET").Select(r => r.PathAndQuery).ToList();
            pages.Count.ShouldBe(3);
            pages.ShouldAllBe(p => p.Contains("labels=legal-change") && p.Contains("per_page=100") && p.Contains("state=all"));
            pages.Select(p => Regex.Match(p, "[?&]page=([0-9]+)") is { Success: true } m ? m.Groups[1].Value : "first").ShouldBe(["first", "2", "3"]);
        }

        [Fact]
        public async Task Updates_on_reimport_and_never_duplicates()
        {
            GitHub.AddIssues(Repository, Issue(1), Issue(2), Issue(3));
            (await ImportAsync(this)).ShouldSucceed();

            var again = (await ImportAsync(this)).ShouldSucceed();
            GitHub.AddIssues(Repository, Issue(2, "Regulation 2, corrected", "transition-end: 2025-06-30"));
            var edited = (await ImportAsync(this)).ShouldSucceed();

            again.StdOut.ShouldContain(": 0 created, 0 updated, 3 unchanged, 0 merged, 0 skipped");
            edited.StdOut.ShouldContain(": 0 created, 1 updated, 2 unchanged, 0 merged, 0 skipped");
            var changes = await ChangesAsync(this);
            changes.Count.ShouldBe(3);
            var two = changes.Single(c => c.ExternalId == "github:acme/laws#2");
            (two.Title, two.TransitionEndsOn).ShouldBe(("Regulation 2, corrected", new DateOnly(2025, 6, 30)));
            using var manager = Manager();
            var audit = await manager.GetAsync<List<LegalChangeAuditDto>>($"api/legal-changes/{two.Id}/audit", CancellationToken.None);
            audit.Select(a => a.Field).ShouldBe(["recorded", "title", "transition-end"]);
        }

        [Fact]
        public async Task Skips_an_issue_with_malformed_front_matter_naming_its_number_and_imports_the_rest()
        {
            GitHub.AddIssues(
                Repository,
                Issue(1),
                new StandInIssue(2, "Unclosed", "---\nreference: Act No. 5/2025 Coll.\neffective: 2025-01-01\n", [Label, "area:tax"]),
                new StandInIssue(3, "Bad date", "---\nreference: Act No. 6/2025 Coll.\neffective: 1 January 2025\n---", [Label, "area:tax"]),
                new StandInIssue(4, "Before its announcement", "---\nreference: Act No. 7/2025 Coll.\neffective: 2025-01-01\nannounced: 2025-02-01\n---", [Label, "area:tax"]),
                Issue(5));

            var result = await ImportAsync(this);

            result.ExitCode.ShouldBe(1);
            result.StdErr.ShouldContain("skipped issue #2: the front matter has no closing '---' line");
            result.StdErr.ShouldContain("skipped issue #3: front matter 'effective: 1 January 2025' is not a date YYYY-MM-DD");
            result.StdErr.ShouldContain("skipped issue #4: the host refused (400 Bad Request): The effective date 2025-01-01 is before the announcement on 2025-02-01.");
            result.StdOut.ShouldContain(": 2 created, 0 updated, 0 unchanged, 0 merged, 3 skipped");
            (await ChangesAsync(this)).Select(c => c.ExternalId).ShouldBe(["github:acme/laws#1", "github:acme/laws#5"], ignoreOrder: true);
        }

        [Fact]
        public async Task Reports_a_duplicate_reference_and_merges_it_only_when_asked()
        {
            using (var manager = Manager())
            {
                await manager.PostAsync<LegalChangeDto>(
                    "api/legal-changes",
                    new CreateLegalChangeRequest("Government Regulation No. 1/2024 Coll.", "Recorded by hand", "CZ", "payroll", new DateOnly(2025, 1, 1), []),
                    CancellationToken.None);
            }

            GitHub.AddIssues(Repository, Issue(1));

            var plain = await ImportAsync(this);
            var merged = (await ImportAsync(this, "--merge")).ShouldSucceed();

            plain.ExitCode.ShouldBe(1);
            plain.StdErr.ShouldContain("skipped issue #1: the host refused (409 Conflict): 'Government Regulation No. 1/2024 Coll.' (CZ) is recorded already as legal change 1; send it with merge");
            merged.StdOut.ShouldContain("issue #1 merged: legal change 1");
            var only = (await ChangesAsync(this)).ShouldHaveSingleItem();
            (only.Title, only.ExternalId, only.Assignee).ShouldBe(("Recorded by hand", "github:acme/laws#1", "jana"));
        }

        [Theory]
        [InlineData(403)]
        [InlineData(429)]
        public async Task Stops_with_the_reset_time_when_rate_limited_in_the_middle_of_the_pages(int status)
        {
            GitHub.AddIssues(Repository, [.. Enumerable.Range(1, 150).Select(n => Issue(n))]);
            GitHub.LimitAfter(1, new DateTimeOffset(2030, 1, 1, 12, 30, 0, TimeSpan.Zero), status);

            var result = await ImportAsync(this);

            result.ExitCode.ShouldBe(1);
            result.StdErr.Trim().ShouldBe(
                $"error: GitHub's rate limit is reached ({status}) while listing the issues of acme/laws; it resets at 2030-01-01 12:30:00 UTC. Try again after that.");
            result.All.ShouldNotContain(Token);
            (await ChangesAsync(this)).ShouldBeEmpty();
        }
    }

    public sealed class Secrets : LoopbackWorld
    {
        [Fact]
        public async Task Never_prints_the_token_even_when_the_server_echoes_it()
        {
            GitHub.EchoAuthorizationInErrors = true;
            const string wrong = "ghp_WrongButSecret9876543210zyxwvutsrqponm";

            var result = await GitHubVerbAsync("change", "import", "--github", Repository, "--label", Label, "--token", wrong);

            result.ExitCode.ShouldBe(1);
            result.StdErr.Trim().ShouldBe(
                "error: GitHub refused the token (401: Bad credentials: 'Token ***' is not a valid token) while listing the issues of acme/laws; check --token or GITHUB_TOKEN.");
            result.All.ShouldNotContain(wrong);
            result.All.ShouldNotContain("WrongButSecret");
            GitHub.Requests.ShouldHaveSingleItem().Authorization.ShouldNotBeNull().ShouldEndWith(wrong);
        }

        [Fact]
        public async Task Takes_the_token_from_GITHUB_TOKEN_and_asks_for_one_when_there_is_none()
        {
            GitHub.AddIssues(Repository, Issue(1));
            var saved = Environment.GetEnvironmentVariable("GITHUB_TOKEN");
            try
            {
                Environment.SetEnvironmentVariable("GITHUB_TOKEN", null);
                var without = await GitHubVerbAsync("change", "import", "--github", Repository);
                Environment.SetEnvironmentVariable("GITHUB_TOKEN", Token);
                var with = await GitHubVerbAsync("change", "import", "--github", Repository);

                without.ExitCode.ShouldBe(1);
                without.StdErr.Trim().ShouldBe("error: a GitHub token is needed: pass --token or set GITHUB_TOKEN.");
                with.ShouldSucceed().StdOut.ShouldContain("1 created");
                with.All.ShouldNotContain(Token);
            }
            finally
            {
                Environment.SetEnvironmentVariable("GITHUB_TOKEN", saved);
            }
        }

        [Fact]
        public async Task Refuses_a_repository_that_is_not_owner_slash_name_before_calling_GitHub()
        {
            var result = await GitHubVerbAsync("change", "import", "--github", "acme", "--token", Token);

            result.StdErr.Trim().ShouldBe("error: 'acme' is not a GitHub repository as OWNER/REPO.");
            GitHub.Requests.ShouldBeEmpty();
        }
    }
}
