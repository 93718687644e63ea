using System.Diagnostics;
using AppLayer.Changelog;
using AppLayer.Core;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer changelog new|check|build</c>: fragments, the check CI runs, and release notes.</summary>
public static class ChangelogCommand
{
    public static Command Create() => Common.Group(
        "changelog",
        "Changelog fragments and release notes.",
        New(),
        Check(),
        Build(),
        CustomerChangelogCommand.Create());

    private static Option<string> RootOption() => new("--root")
    {
        Description = "The repository root holding changelog/ (default: found upwards from the current folder).",
    };

    private static ChangelogFolder Folder(ParseResult parse, Option<string> root) =>
        parse.GetValue(root) is { } path ? new ChangelogFolder(path) : ChangelogFolder.Find(Directory.GetCurrentDirectory());

    private static Command New()
    {
        var root = RootOption();
        var type = new Option<string>("--type") { Description = "legislative, feature, fix, data-fix, security or maintenance.", Required = true };
        type.AcceptOnlyFromAmong([.. FragmentTypes.Names]);
        var text = new Option<string>("--text") { Description = "One or two sentences a customer's accountant understands.", Required = true };
        var title = new Option<string>("--title") { Description = "The heading in the notes; default: the text's first sentence." };
        var titleCs = new Option<string>("--title-cs") { Description = "The heading in the Czech notes (changelog check asks for it)." };
        var textCs = new Option<string>("--text-cs") { Description = "The text in Czech, for the Czech notes (changelog check asks for it)." };
        var legal = Common.ListOption("--legal", "Legal references");
        var modules = Common.ListOption("--modules", "Affected IS modules");
        var packages = Common.ListOption("--package", "Update packages that ship the change");
        var customer = new Option<string>("--customer") { Description = "The customer, for bespoke work." };
        var name = new Option<string>("--name") { Description = "File name (without .md); default: made from the package and text." };
        var command = new Command("new", "Write a changelog fragment into changelog/unreleased/.") { type, title, text, titleCs, textCs, legal, modules, packages, customer, name, root };
        command.SetAction((parse, _) => Run.SafelyAsync(() =>
        {
            FragmentTypes.TryParse(parse.GetValue(type), out var fragmentType);
            var legalList = (parse.GetValue(legal) ?? []).SelectMany(v => v.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            var path = FragmentWriter.Write(Folder(parse, root), fragmentType, parse.GetValue(text)!, legalList, Common.Split(parse.GetValue(modules)), Common.Split(parse.GetValue(packages)), parse.GetValue(customer), parse.GetValue(name), parse.GetValue(title), parse.GetValue(titleCs), parse.GetValue(textCs));
            Console.WriteLine($"wrote {path}");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Command Check()
    {
        var root = RootOption();
        var baseRef = new Option<string>("--base") { Description = "Also require a fragment when plugins/ changed since this git ref (e.g. origin/main)." };
        var command = new Command("check", "Fail when a fragment is malformed or an update under plugins/ has none.") { baseRef, root };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            var folder = Folder(parse, root);
            var changed = parse.GetValue(baseRef) is { } reference ? await ChangedPathsAsync(folder.Root, reference, ct) : null;
            var problems = ChangelogChecker.Check(folder, changed);
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync($"error: {problem}");
            }

            if (problems.Count > 0)
            {
                return Run.UserError;
            }

            Console.WriteLine($"changelog ok: {folder.ReadUnreleased().Count} unreleased fragment(s)");
            return 0;
        }));
        return command;
    }

    private static Command Build()
    {
        var root = RootOption();
        var version = new Option<string>("--version") { Description = "The release's version, e.g. 2025.1.", Required = true };
        var date = new Option<string>("--date") { Description = "Release date, YYYY-MM-DD (default: today)." };
        var command = new Command("build", "Render CHANGELOG.md and the release notes (en, cs) and move the fragments into the release; bespoke fragments (customer:) go only to changelog/customers/CODE.md and that customer's notes.") { version, date, root };
        command.SetAction((parse, _) => Run.SafelyAsync(() =>
        {
            var day = parse.GetValue(date) is { } text ? ChangeCommand.ParseDate(text, "--date") : DateOnly.FromDateTime(DateTime.Today);
            var result = ChangelogBuilder.Build(Folder(parse, root), parse.GetValue(version)!, day);
            Console.WriteLine($"release {result.Version}: {result.Fragments} fragment(s) → {result.Changelog}, {result.ReleaseFolder}/notes.en.md, notes.cs.md");
            foreach (var customer in result.Customers)
            {
                Console.WriteLine($"bespoke work → {customer}, {result.ReleaseFolder}/customers/{Path.GetFileNameWithoutExtension(customer)}/notes.en.md, notes.cs.md");
            }
            return Task.FromResult(0);
        }));
        return command;
    }

    private static async Task<IReadOnlyCollection<string>> ChangedPathsAsync(string root, string reference, CancellationToken cancellationToken)
    {
        var committed = await GitAsync(root, cancellationToken, "diff", "--name-only", $"{reference}...HEAD");
        var working = await GitAsync(root, cancellationToken, "status", "--porcelain", "--untracked-files=all");
        return committed.Concat(working.Select(l => l.Length > 3 ? l[3..] : l)).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
    }

    private static async Task<string[]> GitAsync(string root, CancellationToken cancellationToken, params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var git = Process.Start(info) ?? throw new UserException("cannot run git.");
        var output = await git.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = await git.StandardError.ReadToEndAsync(cancellationToken);
        await git.WaitForExitAsync(cancellationToken);
        return git.ExitCode == 0
            ? output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : throw new UserException($"git {string.Join(' ', args)} failed: {error.Trim()}");
    }
}
