using System.Net;
using System.Text.Json;
using AppLayer.Core.Keys;
using AppLayer.Feed.Integrity;
using AppLayer.Host.Tests.Dashboard;
using AppLayer.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AppLayer.Host.Tests.Feed;

/// <summary>
/// A stored package changed on the host's disk is never served or exported: a changed time stamp makes
/// the next download hash it again; a change with the time stamp put back is found by the host's own
/// scrub (daily, on its clock) and by <c>applayer feed verify</c>; the manager's dashboard names it; the
/// very package pushed again puts it right.
/// </summary>
public sealed class HostDiskTamperingTests : IAsyncLifetime
{
    private const string Nupkg = "/v3/flatcontainer/cz.vat2024/1.0.0/cz.vat2024.1.0.0.nupkg";

    private readonly HostFactory _host = new();
    private readonly byte[] _package = TestPackages.Update("Cz.Vat2024", "1.0.0", "accounting");
    private HttpClient _manager = null!;

    public async Task InitializeAsync()
    {
        _manager = await _host.ManagerAsync();
        (await _manager.PushAsync(_package)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await _manager.GetByteArrayAsync(new Uri(Nupkg, UriKind.Relative))).ShouldBe(_package);
    }

    public async Task DisposeAsync()
    {
        _manager.Dispose();
        await _host.DisposeAsync();
    }

    private string StoredFile => Directory.GetFiles(_host.PackagesDirectory, "*.nupkg", SearchOption.AllDirectories).Single();

    [Fact]
    public async Task A_flipped_byte_is_refused_with_a_problem_naming_the_package_and_the_export_writes_nothing()
    {
        Flip(keepTimeStamp: false);

        using var response = await _manager.GetAsync(new Uri(Nupkg, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("title").GetString().ShouldBe("Cz.Vat2024 1.0.0 is damaged on this host (its bytes do not match the signed SHA-512); it is not served.");
        var copy = Path.Combine(Directory.CreateTempSubdirectory("applayer-damaged-export-").FullName, "static");
        var error = await Should.ThrowAsync<AppLayer.Protocol.UserException>(() => FeedExport.ExportAsync(_host.DataDirectory, copy, "http://127.0.0.1:8080/"));
        error.Message.ShouldStartWith("nothing exported: 1 stored package(s) are damaged (Cz.Vat2024 1.0.0: its bytes do not match the signed SHA-512)");
        Directory.Exists(copy).ShouldBeFalse();
    }

    [Fact]
    public async Task A_flipped_byte_with_its_time_stamp_put_back_is_found_by_the_daily_scrub_and_by_feed_verify()
    {
        var integrity = _host.Services.GetRequiredService<PackageIntegrity>();
        await EventuallyAsync(() => integrity.LastScrub is not null);
        Flip(keepTimeStamp: true);
        (await FeedSigning.VerifyAsync(_host.DataDirectory)).Damaged.Select(d => d.ToString()).ShouldBe(["Cz.Vat2024 1.0.0: its bytes do not match the signed SHA-512"]);

        _host.Time.Advance(TimeSpan.FromDays(1));
        await EventuallyAsync(() => integrity.Damaged.Count == 1);

        using var response = await _manager.GetAsync(new Uri(Nupkg, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        using var signedIn = await _host.SignInAsync(await _host.KeyAsync(KeyScope.Manager));
        var dashboard = await signedIn.GetStringAsync(new Uri("/dashboard", UriKind.Relative));
        dashboard.ShouldContain("1 stored package(s) are damaged");
        dashboard.ShouldContain("Cz.Vat2024 1.0.0 (its bytes do not match the signed SHA-512");
        dashboard.ShouldContain("<td>timestamp.json</td>");
    }

    [Fact]
    public async Task The_signed_package_pushed_again_puts_it_right_and_other_bytes_stay_refused()
    {
        Flip(keepTimeStamp: false);
        (await _manager.GetAsync(new Uri(Nupkg, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);

        var other = TestPackages.Build("Cz.Vat2024", "1.0.0", TestPackages.Manifest("Cz.Vat2024", "1.0.0", "payroll").ToJson());
        (await _manager.PushAsync(other)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await _manager.PushAsync(_package)).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await _manager.GetByteArrayAsync(new Uri(Nupkg, UriKind.Relative))).ShouldBe(_package);
        (await FeedSigning.VerifyAsync(_host.DataDirectory)).Intact.ShouldBeTrue();
        (await _manager.PushAsync(_package)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    private void Flip(bool keepTimeStamp)
    {
        var path = StoredFile;
        var stamp = File.GetLastWriteTimeUtc(path);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        File.SetLastWriteTimeUtc(path, keepTimeStamp ? stamp : stamp.AddSeconds(5));
    }

    private static async Task EventuallyAsync(Func<bool> done)
    {
        for (var i = 0; i < 200 && !done(); i++)
        {
            await Task.Delay(50);
        }

        done().ShouldBeTrue();
    }
}
