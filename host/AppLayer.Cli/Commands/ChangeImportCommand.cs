using System.CommandLine;
using AppLayer.Core;
using AppLayer.GitHub;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;

namespace AppLayer.Cli.Commands;

/// <summary>
/// <c>applayer change import --github OWNER/REPO --label legal-change</c>: every issue with the label
/// becomes a legal change, or updates the one an earlier import made. An issue that cannot be
/// imported is skipped with its number; the others are imported; the exit code is 1 if any was skipped.
/// </summary>
public static class ChangeImportCommand
{
    public static Command Create()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var github = new Option<string>("--github") { Description = "The repository, OWNER/REPO.", Required = true };
        var label = new Option<string>("--label") { Description = "Import the issues with this label.", DefaultValueFactory = _ => "legal-change" };
        var token = GitHubOptions.Token();
        var apiUrl = GitHubOptions.ApiUrl();
        var merge = new Option<bool>("--merge") { Description = "Merge an issue whose reference is recorded already into that change." };
        var command = new Command("import", "Import legal changes from GitHub issues (fields from labels and a front-matter block).")
        {
            github, label, token, apiUrl, merge, host, key,
        };
        command.SetAction((parse, ct) => Run.SafelyAsync(parse, async (output, error) =>
        {
            var repository = RepositoryName.Parse(parse.GetValue(github));
            var name = parse.GetValue(label);
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new UserException("--label is required.");
            }

            using var client = Common.Client(parse, host, key);
            var issues = await LegalChangeIssues.ReadAsync(GitHubConnection.Create(parse.GetValue(apiUrl), parse.GetValue(token)), repository, name.Trim(), parse.GetValue(merge));
            var outcomes = new List<string>();
            foreach (var issue in issues)
            {
                if (issue.Request is null)
                {
                    outcomes.Add("skipped");
                    await error.WriteLineAsync($"skipped issue #{issue.Number}: {issue.Problem}");
                    continue;
                }

                try
                {
                    var imported = await client.PostAsync<ImportedLegalChangeDto>(ApiRoutes.LegalChangesImport, issue.Request, ct);
                    outcomes.Add(imported.Outcome);
                    await output.WriteLineAsync($"issue #{issue.Number} {imported.Outcome}: legal change {imported.Change.Id}, {imported.Change.Reference}");
                }
                catch (UserException ex)
                {
                    outcomes.Add("skipped");
                    await error.WriteLineAsync($"skipped issue #{issue.Number}: {ex.Message}");
                }
            }

            var counts = string.Join(", ", new[] { "created", "updated", "unchanged", "merged", "skipped" }.Select(o => $"{outcomes.Count(x => x == o)} {o}"));
            await output.WriteLineAsync($"{issues.Count} issue(s) with label '{name.Trim()}' in {repository}: {counts}");
            return outcomes.Contains("skipped") ? Run.UserError : 0;
        }));
        return command;
    }
}
