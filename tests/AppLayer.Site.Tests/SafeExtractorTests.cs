using AppLayer.Site.Packages;
using AppLayer.Site.Tests.Support;

namespace AppLayer.Site.Tests;

public sealed class SafeExtractorTests
{
    public sealed class Extract : IDisposable
    {
        private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("applayer-extract-");

        private string Target => Path.Combine(_work.FullName, "package");

        [Fact]
        public void Writes_every_entry_inside_the_folder()
        {
            var package = PackageFile.Create(Path.Combine(_work.FullName, "a.nupkg"), ("applayer.update.json", "{}"), ("lib/net10.0/A.dll", "dll"), ("lib/", string.Empty));

            SafeExtractor.Extract(package, Target);

            File.ReadAllText(Path.Combine(Target, "lib", "net10.0", "A.dll")).ShouldBe("dll");
            File.ReadAllText(Path.Combine(Target, "applayer.update.json")).ShouldBe("{}");
        }

        [Theory]
        [InlineData("../escaped.txt")]
        [InlineData("lib/../../escaped.txt")]
        [InlineData("..\\escaped.txt")]
        [InlineData("/tmp/escaped.txt")]
        [InlineData("\\escaped.txt")]
        [InlineData("C:/escaped.txt")]
        [InlineData("lib/./escaped.txt")]
        public void Refuses_a_package_with_an_entry_outside_the_folder_and_writes_nothing(string entry)
        {
            var package = PackageFile.Create(Path.Combine(_work.FullName, "evil.nupkg"), ("applayer.update.json", "{}"), (entry, "outside"));

            var error = Should.Throw<UnsafePackageException>(() => SafeExtractor.Extract(package, Target));

            error.Message.ShouldContain($"'{entry}'");
            Directory.Exists(Target).ShouldBeFalse("nothing is written before every entry is checked");
            File.Exists(Path.Combine(_work.FullName, "escaped.txt")).ShouldBeFalse();
        }

        public void Dispose() => _work.Delete(recursive: true);
    }
}
