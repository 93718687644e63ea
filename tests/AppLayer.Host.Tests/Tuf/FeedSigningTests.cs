using AppLayer.Core;
using AppLayer.Protocol;
using AppLayer.Protocol.Tuf;

namespace AppLayer.Host.Tests.Tuf;

/// <summary><c>applayer keys init</c> and <c>keys rotate</c> on a data folder, without a host.</summary>
public sealed class FeedSigningTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("applayer-keys-");

    private string Data => Path.Combine(_folder.FullName, "data");

    private string Offline => Path.Combine(_folder.FullName, "offline");

    [Fact]
    public async Task Init_with_an_offline_folder_keeps_the_root_key_out_of_the_data_folder()
    {
        var where = await FeedSigning.InitAsync(Data, Offline);

        where.ShouldBe(Offline);
        File.Exists(Path.Combine(Offline, "root.pem")).ShouldBeTrue();
        Directory.GetFiles(Path.Combine(Data, "keys")).Select(Path.GetFileName).ShouldBe(["snapshot.pem", "targets.pem", "timestamp.pem"], ignoreOrder: true);
        Directory.GetFiles(Path.Combine(Data, "tuf")).Select(Path.GetFileName)
            .ShouldBe(["1.root.json", "root.json", "targets.json", "snapshot.json", "timestamp.json"], ignoreOrder: true);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(Offline, "root.pem")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task Init_twice_is_refused_and_keeps_the_first_keys()
    {
        await FeedSigning.InitAsync(Data, null);
        var root = await File.ReadAllBytesAsync(Path.Combine(Data, "tuf", "root.json"));

        var error = await Should.ThrowAsync<UserException>(() => FeedSigning.InitAsync(Data, null));

        error.Message.ShouldContain("exist already");
        (await File.ReadAllBytesAsync(Path.Combine(Data, "tuf", "root.json"))).ShouldBe(root);
    }

    [Fact]
    public async Task Rotate_writes_the_next_root_signed_by_the_old_and_the_new_root_key()
    {
        await FeedSigning.InitAsync(Data, Offline);
        var first = Root(1);

        var version = await FeedSigning.RotateAsync(Data, ["root", "timestamp"], Offline);

        version.ShouldBe(2);
        var second = Root(2);
        first.Verify(TufRoles.Root, second.Document);
        second.Verify(TufRoles.Root, second.Document);
        second.Roles[TufRoles.Root].KeyIds.ShouldNotBe(first.Roles[TufRoles.Root].KeyIds);
        second.Roles[TufRoles.Timestamp].KeyIds.ShouldNotBe(first.Roles[TufRoles.Timestamp].KeyIds);
        second.Roles[TufRoles.Targets].KeyIds.ShouldBe(first.Roles[TufRoles.Targets].KeyIds);
        second.Verify(TufRoles.Timestamp, TufDocument.Parse(File.ReadAllBytes(Path.Combine(Data, "tuf", "timestamp.json")), TufRoles.Timestamp));
    }

    [Fact]
    public async Task Rotate_without_the_offline_root_key_is_refused_and_changes_nothing()
    {
        await FeedSigning.InitAsync(Data, Offline);
        var before = Directory.GetFiles(Path.Combine(Data, "tuf")).ToDictionary(f => f, f => Convert.ToHexString(File.ReadAllBytes(f)));

        var error = await Should.ThrowAsync<UserException>(() => FeedSigning.RotateAsync(Data, ["timestamp"], null));

        error.Message.ShouldContain("--root-keys");
        Directory.GetFiles(Path.Combine(Data, "tuf")).ToDictionary(f => f, f => Convert.ToHexString(File.ReadAllBytes(f))).ShouldBe(before);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private TufRoot Root(int version) =>
        TufRoot.From(TufDocument.Parse(File.ReadAllBytes(Path.Combine(Data, "tuf", $"{version}.root.json")), TufRoles.Root));
}
