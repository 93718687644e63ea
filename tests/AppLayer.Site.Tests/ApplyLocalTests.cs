using System.Diagnostics;
using System.Text;
using AppLayer.Protocol;
using AppLayer.Site.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AppLayer.Site.Tests;

/// <summary>
/// <c>applayer site apply-local X.nupkg --db COPY</c>: real compiled packages (the VAT sample, hostile fixtures) tried on
/// a copy of a demo IS without a feed: rehearsed and applied with the agent's guarantees, refused on the enrolled live
/// database and on bad input with one line, nothing changed then.
/// </summary>
[Collection(BuiltPackages.Collection)]
public sealed class ApplyLocalTests(BuiltPackages packages)
{
    [Fact]
    public async Task Rehearses_and_applies_a_sample_plugin_to_a_copy_that_was_never_enrolled_and_reports_nothing()
    {
        using var site = await TempSite.CreateAsync();
        site.Rehearse = true;

        var result = await site.Agent.ApplyLocalAsync(packages.Vat2024);

        result.Applied.ShouldBeTrue(result.Message);
        result.ExitCode.ShouldBe(0);
        site.OutputLines.ShouldContain(l => l.StartsWith("Cz.Vat2024 (rehearsal): ", StringComparison.Ordinal), "it was rehearsed first:\n" + site.Output);
        site.OutputLines.ShouldContain($"applied Cz.Vat2024 1.0.0 to {site.Database} (rehearsed on a copy of it first); nothing was published or reported");
        site.Rows("SELECT package_id, version FROM applayer_history").Select(r => string.Join(' ', r)).ShouldBe(["Cz.Vat2024 1.0.0"]);
        site.Rows("SELECT message FROM applayer_history")[0][0].ShouldContain("applied to a copy with site apply-local");
        site.Rows("SELECT COUNT(*) FROM applayer_site")[0][0].ShouldBe("0", "a copy is not enrolled by trying a package on it");
        Directory.Exists(site.Paths.Outbox).ShouldBeFalse("nothing to report from a copy");
        File.Exists(site.Paths.Rehearsal).ShouldBeFalse();
        Directory.Exists(site.Paths.Snapshots).ShouldBeFalse("a copy needs no snapshot");
        site.Rows("PRAGMA integrity_check")[0][0].ShouldBe("ok");
        site.Log.Entries.ShouldContain(e => e.EventId == 4205);
        site.Log.Entries.ShouldContain(e => e.EventId == 4206);
    }

    [Fact]
    public async Task Refuses_the_enrolled_live_database_in_one_line_and_changes_nothing()
    {
        await using var host = await StandInHost.StartAsync();
        using var site = await TempSite.EnrolledAsync(host);
        var before = site.FileHash();

        var error = await site.Agent.ApplyLocalAsync(packages.Vat2024).ShouldThrowAsync<UserException>();

        error.Message.ShouldStartWith($"'{site.Database}' is an enrolled IS database (its agent folder holds the site key");
        error.Message.ShouldContain("apply-local changes only a copy");
        error.Message.ShouldNotContain("\n");
        site.FileHash().ShouldBe(before);
        site.Log.Entries.ShouldContain(e => e.EventId == 4208);
    }

    [Fact]
    public async Task Applies_to_a_copy_of_an_enrolled_database_as_that_installation()
    {
        await using var host = await StandInHost.StartAsync();
        using var live = await TempSite.EnrolledAsync(host);
        var copy = Path.Combine(packages.NewFolder(), "copy.db");
        Backup(live.Database, copy);
        var output = new StringWriter();

        var result = await new SiteAgent(copy, new SiteAgentOptions { Output = output, Rehearse = false }).ApplyLocalAsync(packages.Vat2024);

        result.Applied.ShouldBeTrue(result.Message);
        Rows(copy, "SELECT installation FROM applayer_site")[0][0].ShouldBe("novak-prod");
        Rows(copy, "SELECT COUNT(*) FROM applayer_history")[0][0].ShouldBe("1");
        live.Rows("SELECT COUNT(*) FROM applayer_history")[0][0].ShouldBe("0", "the live database is not touched");
    }

    [Fact]
    public async Task A_plugin_that_fails_leaves_the_copy_as_it_was_and_says_why()
    {
        using var site = await TempSite.CreateAsync();
        var before = site.DumpIs();

        var result = await site.Agent.ApplyLocalAsync(packages.Throwing);

        result.Applied.ShouldBeFalse();
        result.ExitCode.ShouldBe(2);
        result.Message.ShouldContain("Throwing.Update gave up on purpose");
        result.Message.ShouldEndWith("the copy is as it was");
        site.DumpIs().ShouldBe(before);
        site.Rows("SELECT COUNT(*) FROM applayer_history")[0][0].ShouldBe("0");
        site.Log.Entries.ShouldContain(e => e.EventId == 4207);
    }

    [Fact]
    public async Task A_plugin_that_commits_through_the_given_connection_is_stopped_on_a_copy_too()
    {
        using var site = await TempSite.CreateAsync();
        var before = site.DumpIs();

        var result = await site.Agent.ApplyLocalAsync(packages.Escaping);

        result.Applied.ShouldBeFalse();
        result.Message.ShouldContain("tried to control the transaction", Case.Insensitive, result.Message);
        site.DumpIs().ShouldBe(before);
    }

    [Fact]
    public async Task Refuses_a_second_apply_of_the_same_version_and_an_unsupported_IS_version()
    {
        using var site = await TempSite.CreateAsync();
        var first = await site.Agent.ApplyLocalAsync(packages.Vat2024);
        first.Applied.ShouldBeTrue(first.Message + "\n" + site.Output);
        var applied = site.FileHash();

        var again = await site.Agent.ApplyLocalAsync(packages.Vat2024).ShouldThrowAsync<UserException>();

        again.Message.ShouldBe($"Cz.Vat2024 1.0.0 is already applied to {site.Database}; make a fresh copy of the IS database to try 1.0.0 again.");
        site.FileHash().ShouldBe(applied);

        using var old = await TempSite.CreateAsync(isVersion: "4.2.0");
        var hash = old.FileHash();
        var unsupported = await old.Agent.ApplyLocalAsync(packages.Vat2024).ShouldThrowAsync<UserException>();
        unsupported.Message.ShouldContain("this IS is 4.2.0");
        old.FileHash().ShouldBe(hash);
    }

    [Fact]
    public async Task Refuses_bad_input_in_one_line_and_changes_nothing()
    {
        using var site = await TempSite.CreateAsync();
        var folder = packages.NewFolder();
        var hash = site.FileHash();
        var notZip = Path.Combine(folder, "not-a-package.1.0.0.nupkg");
        await File.WriteAllTextAsync(notZip, "this is not a zip");
        var notDb = Path.Combine(folder, "not-a-database.db");
        await File.WriteAllTextAsync(notDb, new string('x', 4096));

        foreach (var (agent, package, starts) in new[]
        {
            (site.Agent, Path.Combine(folder, "missing.nupkg"), "package '"),
            (site.Agent, folder, "'"),
            (site.Agent, notZip, "not-a-package.1.0.0.nupkg is not a valid package"),
            (new SiteAgent(folder, new SiteAgentOptions { Output = TextWriter.Null }), packages.Vat2024, "--db '"),
            (new SiteAgent(notDb, new SiteAgentOptions { Output = TextWriter.Null }), packages.Vat2024, $"'{notDb}' is not an IS database"),
        })
        {
            var error = await agent.ApplyLocalAsync(package).ShouldThrowAsync<Exception>();
            (error is UserException or AppLayer.Sdk.ManifestException).ShouldBeTrue(error.ToString());
            error.Message.ShouldStartWith(starts, Case.Sensitive, error.Message);
            error.Message.ShouldNotContain("\n");
        }

        site.FileHash().ShouldBe(hash);
        File.ReadAllText(notDb).ShouldBe(new string('x', 4096));
    }

    [Fact]
    public async Task The_command_prints_one_error_line_and_exits_2_when_the_update_fails()
    {
        using var site = await TempSite.CreateAsync();
        var before = site.DumpIs();

        var (code, output, error) = await RunApplayerAsync("site", "apply-local", packages.FailingVerify, "--db", site.Database);

        code.ShouldBe(2, output + error);
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem().ShouldStartWith("error: FailingVerify.Update 1.0.0 was not applied to ");
        site.DumpIs().ShouldBe(before);

        var applied = await RunApplayerAsync("site", "apply-local", packages.Vat2024, "--db", site.Database);
        applied.Code.ShouldBe(0, applied.Output + applied.Error);
        applied.Output.ShouldContain("applied Cz.Vat2024 1.0.0 to ");
    }

    private static void Backup(string from, string to)
    {
        using var source = new SqliteConnection($"Data Source={from};Pooling=False");
        using var target = new SqliteConnection($"Data Source={to};Pooling=False");
        source.Open();
        target.Open();
        source.BackupDatabase(target);
    }

    private static List<string[]> Rows(string database, string sql) =>
        AppLayer.Testing.SqliteRows.Read(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString(), sql);

    private static async Task<(int Code, string Output, string Error)> RunApplayerAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, StandardErrorEncoding = Encoding.UTF8 };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "applayer.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
