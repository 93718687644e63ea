using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AppLayer.Host.Tests.Infrastructure;

public static class HttpExtensions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Pushes like <c>dotnet nuget push</c>: a multipart PUT with the package as the file part.</summary>
    public static async Task<HttpResponseMessage> PushAsync(this HttpClient client, byte[] package)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(package);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "package", "package.nupkg");
        return await client.PutAsync(new Uri("/api/v2/package", UriKind.Relative), content);
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;

    public static async Task<T> GetJsonAsync<T>(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<T>();
    }

    public static async Task<T> PostJsonAsync<T>(this HttpClient client, string path, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, Json);
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<T>();
    }

    /// <summary>Asserts a problem answer and returns its title.</summary>
    public static async Task<string> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(body);
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe((int)status);
        var title = problem.RootElement.GetProperty("title").GetString();
        title.ShouldNotBeNullOrWhiteSpace();
        title.ShouldNotContain('\n');
        return title!;
    }
}
