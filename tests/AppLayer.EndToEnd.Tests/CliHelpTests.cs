using System.CommandLine;
using System.Text.RegularExpressions;
using AppLayer.Cli;

namespace AppLayer.EndToEnd.Tests;

/// <summary>
/// The <c>applayer</c> help, in process: it never prints a secret, and every command the docs show exists
/// with the options they give it.
/// </summary>
public sealed partial class CliHelpTests
{
    private const string Secret = "al_help-must-never-show-this-0123456789abcdefghijkl";

    public sealed class Help
    {
        [Fact]
        public async Task Of_every_verb_that_talks_to_a_host_names_APPLAYER_KEY_but_never_prints_its_value()
        {
            var verbs = Commands(CliApp.Build(), []).Where(c => c.Command.Options.Any(o => o.Name == "--key" && !o.Required)).ToList();
            verbs.Count.ShouldBeGreaterThan(20);

            var previous = Environment.GetEnvironmentVariable("APPLAYER_KEY");
            Environment.SetEnvironmentVariable("APPLAYER_KEY", Secret);
            try
            {
                foreach (var (path, _) in verbs)
                {
                    var (code, output) = await HelpAsync(path);

                    code.ShouldBe(0, string.Join(' ', path));
                    output.ShouldNotContain(Secret, customMessage: string.Join(' ', path));
                    output.ShouldContain("APPLAYER_KEY", customMessage: string.Join(' ', path));
                }
            }
            finally
            {
                Environment.SetEnvironmentVariable("APPLAYER_KEY", previous);
            }
        }
    }

    public sealed class Docs
    {
        [Fact]
        public async Task Show_only_commands_the_cli_has_with_options_it_takes_and_their_help_runs()
        {
            var root = CliApp.Build();
            var documented = DocumentedCommands().ToList();
            documented.Count.ShouldBeGreaterThan(20);
            var problems = new List<string>();
            foreach (var (file, text) in documented)
            {
                var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
                var (command, path) = Resolve(root, tokens);
                if (path.Count == 0)
                {
                    problems.Add($"{file}: `{text}`: '{tokens.FirstOrDefault()}' is not an applayer verb");
                    continue;
                }

                foreach (var option in tokens.Select(t => OptionName().Match(t)).Where(m => m.Success).Select(m => m.Value))
                {
                    if (!Takes(command, option))
                    {
                        problems.Add($"{file}: `{text}`: applayer {string.Join(' ', path)} takes no {option}");
                    }
                }

                var (code, output) = await HelpAsync(path);
                if (code != 0)
                {
                    problems.Add($"{file}: `{text}`: --help exited {code}: {output}");
                }
            }

            problems.ShouldBeEmpty();
        }

        [Fact]
        public void Revoke_a_key_as_the_cli_takes_it()
        {
            var api = File.ReadAllText(Path.Combine(CliProcess.RepoRoot, "docs", "api.md"));
            var (command, path) = Resolve(CliApp.Build(), ["keys", "revoke"]);

            path.ShouldBe(["keys", "revoke"]);
            Takes(command, "--key").ShouldBeFalse();
            api.ShouldContain("`applayer keys revoke --data DIR al_...`");
        }
    }

    private static IEnumerable<(string[] Path, Command Command)> Commands(Command command, string[] path)
    {
        foreach (var sub in command.Subcommands)
        {
            string[] here = [.. path, sub.Name];
            yield return (here, sub);
            foreach (var deeper in Commands(sub, here))
            {
                yield return deeper;
            }
        }
    }

    private static async Task<(int Code, string Output)> HelpAsync(IReadOnlyList<string> path)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.Build().Parse([.. path, "--help"]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output + error.ToString());
    }

    /// <returns>The deepest command the leading words name, and those words.</returns>
    private static (Command Command, List<string> Path) Resolve(Command root, IEnumerable<string> tokens)
    {
        var command = root;
        var path = new List<string>();
        foreach (var token in tokens)
        {
            var sub = command.Subcommands.FirstOrDefault(s => s.Name == token || s.Aliases.Contains(token));
            if (sub is null)
            {
                break;
            }

            command = sub;
            path.Add(token);
        }

        return (command, path);
    }

    private static bool Takes(Command command, string option) =>
        option is "--help" or "-h" or "-?"
        || command.Options.Any(o => o.Name == option || o.Aliases.Contains(option));

    /// <summary>Every <c>applayer ...</c> the docs and the README show, inline or as a line of a code block.</summary>
    private static IEnumerable<(string File, string Text)> DocumentedCommands()
    {
        var files = Directory.GetFiles(Path.Combine(CliProcess.RepoRoot, "docs"), "*.md").Append(Path.Combine(CliProcess.RepoRoot, "README.md"));
        foreach (var file in files)
        {
            var inBlock = false;
            foreach (var line in File.ReadLines(file))
            {
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    inBlock = !inBlock;
                    continue;
                }

                var candidates = inBlock
                    ? [BlockCommand().Match(line)]
                    : InlineCommand().Matches(line).ToArray();
                foreach (var match in candidates.Where(m => m.Success))
                {
                    var text = match.Groups["cmd"].Value.Split('#')[0].Trim();
                    if (text.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var verb, ..] && VerbWord().IsMatch(verb))
                    {
                        yield return (Path.GetFileName(file), text);
                    }
                }
            }
        }
    }

    [GeneratedRegex(@"`(?<cmd>applayer [^`]+)`")]
    private static partial Regex InlineCommand();

    [GeneratedRegex(@"^\s*(\$ )?(?<cmd>applayer [^`|&;>]+)")]
    private static partial Regex BlockCommand();

    [GeneratedRegex(@"^[a-z][a-z0-9-]*$")]
    private static partial Regex VerbWord();

    [GeneratedRegex(@"--[a-z][a-z0-9-]*")]
    private static partial Regex OptionName();
}
