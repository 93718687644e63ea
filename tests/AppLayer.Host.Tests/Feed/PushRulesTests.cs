using System.Net;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Sdk;

namespace AppLayer.Host.Tests.Feed;

/// <summary>What an update package must carry to be accepted: its plugin under lib/, and for a bespoke update a customer the host knows.</summary>
public static class PushRulesTests
{
    public sealed class PutPackage : IAsyncLifetime
    {
        private readonly HostFactory _host = new();
        private HttpClient _publisher = null!;

        public async Task InitializeAsync() => _publisher = await _host.PublisherAsync();

        public async Task DisposeAsync()
        {
            _publisher.Dispose();
            await _host.DisposeAsync();
        }

        [Fact]
        public async Task Refuses_an_update_package_without_lib_with_400()
        {
            var package = TestPackages.Build("Cz.NoLib", "1.0.0", TestPackages.Manifest("Cz.NoLib", "1.0.0").ToJson(), ("content/readme.txt", "no plugin"u8.ToArray()));
            var withoutLib = Without(package, "lib/");

            using var response = await _publisher.PushAsync(withoutLib);

            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldBe("Cz.NoLib 1.0.0 is an update package (applayer.update.json) without a lib/ folder; pack the plugin's assembly (dotnet pack puts it in lib/{framework}/).");
            (await _host.CountAsync("packages")).ShouldBe(0);
        }

        [Fact]
        public async Task Refuses_an_update_package_whose_lib_lacks_the_entry_assembly()
        {
            var package = TestPackages.Build("Cz.OtherLib", "1.0.0", TestPackages.Manifest("Cz.OtherLib", "1.0.0").ToJson(), ("lib/net10.0/Something.Else.dll", "x"u8.ToArray()));

            using var response = await _publisher.PushAsync(package);

            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldBe("Cz.OtherLib 1.0.0 has no lib/{framework}/Cz.OtherLib.dll, the assembly its applayer.update.json names as entry.");
        }

        [Fact]
        public async Task Refuses_a_bespoke_update_for_a_customer_the_host_does_not_know()
        {
            using var response = await _publisher.PushAsync(Bespoke("Nobody.SalaryFix", "nobody"));

            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldStartWith("Nobody.SalaryFix 1.0.0 is a bespoke update for customer 'nobody', which this host does not know;");
            (await _host.CountAsync("packages")).ShouldBe(0);
        }

        [Fact]
        public async Task Accepts_a_bespoke_update_for_a_known_customer_whatever_the_case_of_its_code()
        {
            using var manager = await _host.ManagerAsync();
            await manager.CoveredCustomerAsync("novak", "accounting");

            using var response = await _publisher.PushAsync(Bespoke("Novak.SalaryFix", "Novak"));

            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }

        private static byte[] Bespoke(string id, string customer) =>
            TestPackages.Build(id, "1.0.0", (TestPackages.Manifest(id, "1.0.0", "accounting") with { Kind = UpdateKind.DataFix, Customer = customer }).ToJson());

        private static byte[] Without(byte[] package, string prefix)
        {
            using var stream = new MemoryStream();
            stream.Write(package);
            using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
            {
                foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith(prefix, StringComparison.Ordinal)).ToList())
                {
                    entry.Delete();
                }
            }

            return stream.ToArray();
        }
    }
}
