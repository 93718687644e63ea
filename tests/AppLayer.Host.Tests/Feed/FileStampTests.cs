using AppLayer.Feed.Storage;

namespace AppLayer.Host.Tests.Feed;

/// <summary>The one-call file stamp says what <see cref="FileInfo"/> says: length, time to the tick, and whether there is a file.</summary>
public sealed class FileStampTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("applayer-stamp-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void A_file_has_the_length_and_time_FileInfo_reports()
    {
        var path = Path.Combine(_folder.FullName, "timestamp.json");
        File.WriteAllBytes(path, new byte[12345]);
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 12, 7, 11, 26, 34, DateTimeKind.Utc).AddTicks(1234567));

        var stamp = FileStamp.Of(path).ShouldNotBeNull();

        var info = new FileInfo(path);
        stamp.Length.ShouldBe(info.Length);
        stamp.LastWriteTimeUtc.Ticks.ShouldBe(info.LastWriteTimeUtc.Ticks);
        stamp.LastWriteTimeUtc.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Fact]
    public void A_rewritten_file_has_a_new_stamp()
    {
        var path = Path.Combine(_folder.FullName, "a.nupkg");
        File.WriteAllBytes(path, [1, 2, 3]);
        var before = FileStamp.Of(path);

        File.WriteAllBytes(path, [1, 2, 3, 4]);

        FileStamp.Of(path).ShouldNotBe(before);
        FileStamp.Of(path)!.Value.Length.ShouldBe(4);
    }

    [Fact]
    public void A_missing_file_a_folder_and_a_path_through_a_file_are_no_file()
    {
        var file = Path.Combine(_folder.FullName, "file");
        File.WriteAllBytes(file, [1]);

        FileStamp.Of(Path.Combine(_folder.FullName, "missing")).ShouldBeNull();
        FileStamp.Of(Path.Combine(_folder.FullName, "missing", "deeper")).ShouldBeNull();
        FileStamp.Of(_folder.FullName).ShouldBeNull();
        FileStamp.Of(Path.Combine(file, "below")).ShouldBeNull();
    }

    [Fact]
    public void A_link_is_stamped_as_FileInfo_stamps_it()
    {
        var target = Path.Combine(_folder.FullName, "target");
        File.WriteAllBytes(target, new byte[10]);
        var link = Path.Combine(_folder.FullName, "link");
        File.CreateSymbolicLink(link, target);

        var info = new FileInfo(link);
        var stamp = FileStamp.Of(link).ShouldNotBeNull();
        stamp.Length.ShouldBe(info.Length);
        stamp.LastWriteTimeUtc.ShouldBe(info.LastWriteTimeUtc);
    }
}
