using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AppLayer.Protocol.Api;

namespace AppLayer.Protocol.Client;

// The manager and publisher resources: JSON in and out over ApiRoutes, a refusal said as the host said it.
public sealed partial class AppLayerClient
{
    /// <exception cref="UserException">The host refused, or sent an empty answer.</exception>
    public async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await SendOrThrowAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    /// <summary>Reads a text answer (an export, a changelog) as it is.</summary>
    public async Task<string> GetTextAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendOrThrowAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public async Task<T> PostAsync<T>(string path, object body, CancellationToken cancellationToken) =>
        await SendJsonAsync<T>(HttpMethod.Post, path, body, cancellationToken);

    public async Task<T> PatchAsync<T>(string path, object body, CancellationToken cancellationToken) =>
        await SendJsonAsync<T>(HttpMethod.Patch, path, body, cancellationToken);

    public async Task<T> PutAsync<T>(string path, object body, CancellationToken cancellationToken) =>
        await SendJsonAsync<T>(HttpMethod.Put, path, body, cancellationToken);

    public async Task<T> DeleteAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await SendOrThrowAsync(new HttpRequestMessage(HttpMethod.Delete, path), cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    /// <summary>Pushes a package the way <c>dotnet nuget push</c> does: multipart PUT to the publish endpoint.</summary>
    /// <exception cref="UserException">No such file, or the host refused the package.</exception>
    public async Task PushAsync(string packagePath, CancellationToken cancellationToken)
    {
        if (!File.Exists(packagePath))
        {
            throw new UserException($"package '{packagePath}' does not exist.");
        }

        await using var stream = File.OpenRead(packagePath);
        using var content = new MultipartFormDataContent();
        var file = new StreamContent(stream);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "package", Path.GetFileName(packagePath));
        using var response = await SendOrThrowAsync(new HttpRequestMessage(HttpMethod.Put, ApiRoutes.PackagePublish) { Content = content }, cancellationToken);
    }

    /// <summary>Streams a binary answer (an offline bundle) into <paramref name="file"/>, written whole or not at all.</summary>
    public async Task<long> DownloadAsync(string path, string file, CancellationToken cancellationToken)
    {
        using var response = await SendOrThrowAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        var temporary = file + ".part";
        try
        {
            await using (var target = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await response.Content.CopyToAsync(target, cancellationToken);
            }

            File.Move(temporary, file, overwrite: true);
            return new FileInfo(file).Length;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private async Task<T> SendJsonAsync<T>(HttpMethod method, string path, object body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var response = await SendOrThrowAsync(JsonRequest(method, path, body, Json), cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    /// <exception cref="UserException">The host refused (any status but 2xx).</exception>
    private async Task<HttpResponseMessage> SendOrThrowAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw new UserException(await DescribeFailureAsync(response, cancellationToken));
        }
    }

    private static async Task<string> DescribeFailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = StatusLines.Of(response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var problem = JsonDocument.Parse(text);
            var title = problem.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
            var detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
            var message = string.Join(": ", new[] { title, detail }.Where(s => !string.IsNullOrWhiteSpace(s)));
            if (message.Length > 0)
            {
                return $"the host refused ({status}): {message}";
            }
        }
        catch (JsonException)
        {
            // not a problem body; fall through to the status line
        }

        return response.StatusCode == HttpStatusCode.Unauthorized
            ? $"the host refused the API key ({status})."
            : $"the host answered {status}.";
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var value = await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
        return value ?? throw new UserException("the host sent an empty answer.");
    }
}
