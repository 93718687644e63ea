using System.Net;
using System.Net.Http.Json;
using System.Text;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Sdk;

namespace AppLayer.Host.Tests.Api;

/// <summary>Problem titles speak the product's language: never an exception's .NET text, a parameter name or a JSON path.</summary>
public static class ProblemTitleTests
{
    private static readonly string[] DotNetWords = ["Sequence contains", "(Parameter", "Path: $", "LineNumber", "System.", "AppLayer.Sdk", "BytePositionInLine"];

    private static void ShouldSpeakPlainly(string title)
    {
        foreach (var word in DotNetWords)
        {
            title.ShouldNotContain(word, Case.Sensitive, title);
        }
    }

    public sealed class Push : CustomerEndpointsTests.WithManager
    {
        [Fact]
        public async Task Of_a_package_with_its_manifest_twice_says_so()
        {
            var package = TestPackages.WithEntry(TestPackages.Update("Cz.Vat2024", "1.0.0"), UpdateManifest.FileName, Encoding.UTF8.GetBytes(TestPackages.Manifest("Cz.Vat2024", "1.0.0").ToJson()));

            using var response = await Manager.PushAsync(package);

            var title = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            ShouldSpeakPlainly(title);
            title.ShouldBe("The package holds applayer.update.json more than once; an update has one manifest.");
        }

        [Fact]
        public async Task Of_a_nuspec_with_a_bad_version_names_the_version()
        {
            var nuspec = """
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                  <metadata><id>Cz.Vat2024</id><version>1.0.x</version><authors>a</authors><description>d</description></metadata>
                </package>
                """;
            var package = TestPackages.Zip(("Cz.Vat2024.nuspec", Encoding.UTF8.GetBytes(nuspec)), (UpdateManifest.FileName, Encoding.UTF8.GetBytes(TestPackages.Manifest("Cz.Vat2024", "1.0.0").ToJson())));

            using var response = await Manager.PushAsync(package);

            var title = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            ShouldSpeakPlainly(title);
            title.ShouldBe("The nuspec's version '1.0.x' is not a valid NuGet version.");
        }

        [Fact]
        public async Task Of_a_manifest_with_an_unknown_kind_lists_the_kinds()
        {
            var json = TestPackages.Manifest("Cz.Vat2024", "1.0.0").ToJson().Replace("\"Legislative\"", "\"Legal\"", StringComparison.Ordinal);

            using var response = await Manager.PushAsync(TestPackages.Build("Cz.Vat2024", "1.0.0", json));

            var title = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            ShouldSpeakPlainly(title);
            title.ShouldStartWith("applayer.update.json is not valid: kind 'Legal' is unknown; it is one of Legislative, DataFix, Feature, Check");
        }
    }

    public sealed class JsonBody : CustomerEndpointsTests.WithManager
    {
        [Fact]
        public async Task With_a_value_of_the_wrong_type_names_the_field_and_what_it_takes()
        {
            using var body = new StringContent(
                """{"customer":"novak","type":"consulting","area":"accounting","topic":"t","worker":"w","startedAt":"2026-10-05T09:00:00+02:00","minutes":"fifty","outcome":"o"}""",
                Encoding.UTF8,
                "application/json");

            using var response = await Manager.PostAsync(new Uri("/api/consultations", UriKind.Relative), body);

            var title = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            ShouldSpeakPlainly(title);
            title.ShouldBe("The body's field 'minutes' must be a whole number (line 1).");
        }

        [Fact]
        public async Task That_is_not_json_says_so()
        {
            using var body = new StringContent("{ not json", Encoding.UTF8, "application/json");

            using var response = await Manager.PostAsync(new Uri("/api/customers", UriKind.Relative), body);

            var title = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            ShouldSpeakPlainly(title);
            title.ShouldStartWith("The body is not valid JSON");
        }
    }

    public sealed class QueryValue : CustomerEndpointsTests.WithManager
    {
        [Fact]
        public async Task That_cannot_be_read_names_the_value_and_what_it_takes()
        {
            using var response = await Manager.GetAsync(new Uri("/api/tickets?open=maybe", UriKind.Relative));

            var title = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            ShouldSpeakPlainly(title);
            title.ShouldBe("'maybe' is not a valid open: true or false.");
        }
    }
}
