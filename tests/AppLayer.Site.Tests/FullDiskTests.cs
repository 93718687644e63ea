using System.Security.Cryptography;
using AppLayer.Site.Tests.Crash;
using AppLayer.Site.Tests.Support;

namespace AppLayer.Site.Tests;

/// <summary>
/// A disk that really fills up while an update runs: the site lives on a small tmpfs with room for the
/// database but not for the rollback journal of Rewrite.Update, which rewrites every row. SQLite gets
/// SQLITE_FULL from the file system in the middle of the apply.
/// </summary>
[Collection(BuiltPackages.Collection)]
public sealed class FullDiskTests(BuiltPackages packages)
{
    private const int Rows = 100_000;

    [SkippableFact]
    public async Task A_disk_that_fills_up_during_the_apply_leaves_the_IS_database_exactly_as_before_with_a_clear_message()
    {
        var work = packages.NewFolder();
        var template = await CrashSite.CreateAsync(Directory.CreateDirectory(Path.Combine(work, "template")).FullName, packages.Rewrite, Rows);
        var size = new FileInfo(template.Database).Length;
        var (disk, why) = SmallDisk.TryMount(Path.Combine(work, "small-disk"), size + (1024 * 1024));
        Skip.If(disk is null, why);
        using (disk)
        {
            var site = template.CopyTo(Path.Combine(disk!.Folder, "site"));
            var before = Hash(site.Database);
            var output = new StringWriter();
            // Rehearsal off and no snapshot (Rewrite.Update has a down step): only the journal needs room.
            // The free-space check before the apply is told there is plenty: the disk fills up after it.
            var agent = new SiteAgent(site.Database, new SiteAgentOptions { Output = output, Rehearse = false, FreeDiskSpace = _ => long.MaxValue });

            var result = await agent.ApplyAsync(report: false);

            result.Applied.ShouldBe(0);
            result.Failed.ShouldBe(1);
            output.ToString().ShouldContain("FAILED Rewrite.Update 1.0.0: apply failed: the disk that holds the IS database is full");
            output.ToString().ShouldContain("nothing was changed");
            (await site.InspectAsync(Rows)).Description.ShouldBe("old");
            Hash(site.Database).ShouldBe(before);
        }
    }

    private static string Hash(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
}
