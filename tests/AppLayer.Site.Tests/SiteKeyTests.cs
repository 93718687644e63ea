using System.Text;
using AppLayer.Protocol;
using AppLayer.Site.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AppLayer.Site.Tests;

/// <summary>
/// The site key lives outside the IS database, in <c>&lt;db&gt;.applayer/site.key</c> (mode 0600); an enrollment from
/// before, with the key in <c>applayer_site</c>, is moved out at the next run; a real compiled plugin that looks for the
/// key (Prying.Update), applied and rehearsed in the sandbox, finds it nowhere.
/// </summary>
[Collection(BuiltPackages.Collection)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SiteKeyTests(BuiltPackages packages)
{
    [Fact]
    public async Task Enrolling_writes_the_key_to_a_file_only_its_owner_may_read_and_not_into_the_IS_database()
    {
        await using var host = await StandInHost.StartAsync();
        using var site = await TempSite.EnrolledAsync(host);

        File.ReadAllText(KeyFile(site)).Trim().ShouldBe(StandInHost.SiteKey);
        File.GetUnixFileMode(KeyFile(site)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        site.Rows("SELECT api_key FROM applayer_site")[0][0].ShouldBe(string.Empty);
        DatabaseHoldsKey(site).ShouldBeFalse("no byte of the IS database file holds the key");
    }

    [Fact]
    public async Task An_enrollment_with_the_key_in_the_IS_database_is_moved_out_at_the_next_run()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Vat2024);
        using var site = await TempSite.EnrolledAsync(host);
        MakeOldEnrollment(site);
        DatabaseHoldsKey(site).ShouldBeTrue("the old layout, as an agent before the key file left it");

        var run = await site.Agent.RunAsync();

        run.Apply.Applied.ShouldBe(1, "the moved key still signs the agent in");
        File.ReadAllText(KeyFile(site)).Trim().ShouldBe(StandInHost.SiteKey);
        File.GetUnixFileMode(KeyFile(site)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        site.Rows("SELECT api_key FROM applayer_site")[0][0].ShouldBe(string.Empty);
        DatabaseHoldsKey(site).ShouldBeFalse("the old row's bytes were zeroed (secure_delete), not left in free space");
        site.Log.Entries.ShouldContain(e => e.EventId == 4203);
    }

    [Fact]
    public async Task A_key_file_already_there_wins_over_an_older_key_in_the_IS_database()
    {
        await using var host = await StandInHost.StartAsync();
        using var site = await TempSite.EnrolledAsync(host);
        Execute(site, "UPDATE applayer_site SET api_key = 'al_an-old-key-from-a-restored-snapshot'");

        (await site.Agent.PullAsync()).ShouldNotBeNull();

        File.ReadAllText(KeyFile(site)).Trim().ShouldBe(StandInHost.SiteKey);
        site.Rows("SELECT api_key FROM applayer_site")[0][0].ShouldBe(string.Empty);
    }

    [Fact]
    public async Task A_key_file_others_may_read_is_made_the_owners_only()
    {
        await using var host = await StandInHost.StartAsync();
        using var site = await TempSite.EnrolledAsync(host);
        File.SetUnixFileMode(KeyFile(site), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await site.Agent.PullAsync();

        File.GetUnixFileMode(KeyFile(site)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        site.Log.Entries.ShouldContain(e => e.EventId == 4204);
    }

    [Fact]
    public async Task A_missing_key_file_is_one_line_that_says_to_re_enroll()
    {
        await using var host = await StandInHost.StartAsync();
        using var site = await TempSite.EnrolledAsync(host);
        File.Delete(KeyFile(site));
        var before = site.FileHash();

        var error = await site.Agent.RunAsync().ShouldThrowAsync<UserException>();

        error.Message.ShouldContain("site key");
        error.Message.ShouldContain("applayer site enroll");
        error.Message.ShouldNotContain("\n");
        site.FileHash().ShouldBe(before);
    }

    [Fact]
    public async Task A_plugin_finds_the_key_neither_in_the_database_nor_in_the_agents_folder_applied_or_rehearsed()
    {
        await using var host = await StandInHost.StartAsync();
        host.Publish(packages.Prying);
        using var site = await TempSite.EnrolledAsync(host);
        MakeOldEnrollment(site); // the key starts in the IS database: it must be out before any plugin runs
        site.Rehearse = true;

        var run = await site.Agent.RunAsync();

        run.Apply.Applied.ShouldBe(1, site.Output.ToString());
        var seen = site.OutputLines.Where(l => l.StartsWith("Prying.Update", StringComparison.Ordinal)).ToList();
        seen.ShouldContain(l => l.StartsWith("Prying.Update (rehearsal): key file ", StringComparison.Ordinal), site.Output.ToString());
        seen.ShouldContain(l => l.StartsWith("Prying.Update: key file ", StringComparison.Ordinal), site.Output.ToString());
        seen.ShouldAllBe(l => l.Contains(": no file;", StringComparison.Ordinal) && l.EndsWith("applayer_site.api_key: read ''", StringComparison.Ordinal));
        site.Output.ToString().ShouldNotContain(StandInHost.SiteKey);
        site.Rows("SELECT place, found FROM prying_loot ORDER BY place").Select(r => string.Join('=', r)).ShouldBe(["file=no file", "table=read ''"]);
        File.Exists(KeyFile(site)).ShouldBeTrue("the key file was there all along, outside the sandbox");
    }

    private static string KeyFile(TempSite site) => Path.Combine(site.Paths.Root, "site.key");

    /// <summary>The layout an agent from before the key file left: the key in applayer_site, no key file.</summary>
    private static void MakeOldEnrollment(TempSite site)
    {
        Execute(site, $"UPDATE applayer_site SET api_key = '{StandInHost.SiteKey}'");
        File.Delete(KeyFile(site));
    }

    private static bool DatabaseHoldsKey(TempSite site)
    {
        var bytes = File.ReadAllBytes(site.Database);
        return bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(StandInHost.SiteKey)) >= 0;
    }

    private static void Execute(TempSite site, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={site.Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
