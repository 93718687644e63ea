using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AppLayer.Core;
using AppLayer.Protocol.Api;
using AppLayer.Protocol;

namespace AppLayer.Cli;

/// <summary>Talks to a host's JSON API with one API key; problem answers become one-line errors.</summary>
public sealed class HostClient : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly HttpClient _http;

    public HostClient(Uri host, string key, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new UserException("an API key is needed: pass --key or set APPLAYER_KEY.");
        }

        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = host.AbsoluteUri.EndsWith('/') ? host : new Uri(host.AbsoluteUri + "/");
        _http.Timeout = TimeSpan.FromMinutes(5);
        _http.DefaultRequestHeaders.Add("X-NuGet-ApiKey", key);
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("applayer-cli", "0.1"));
        _http.DefaultRequestHeaders.TryAddWithoutValidation("X-AppLayer-User", Environment.UserName);
    }

    public Uri BaseAddress => _http.BaseAddress!;

    public async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    /// <summary>Reads a text answer (an export, a changelog) as it is.</summary>
    public async Task<string> GetTextAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public async Task<T> PostAsync<T>(string path, object body, CancellationToken cancellationToken) =>
        await SendJsonAsync<T>(HttpMethod.Post, path, body, cancellationToken);

    public async Task<T> PatchAsync<T>(string path, object body, CancellationToken cancellationToken) =>
        await SendJsonAsync<T>(HttpMethod.Patch, path, body, cancellationToken);

    public async Task<T> DeleteAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Delete, path), cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    public async Task<T> PutAsync<T>(string path, object body, CancellationToken cancellationToken) =>
        await SendJsonAsync<T>(HttpMethod.Put, path, body, cancellationToken);

    /// <summary>Pushes a package the way <c>dotnet nuget push</c> does: multipart PUT to the publish endpoint.</summary>
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
        using var request = new HttpRequestMessage(HttpMethod.Put, "api/v2/package") { Content = content };
        using var response = await SendAsync(request, cancellationToken);
    }

    /// <summary>Streams a binary answer (an offline bundle) into <paramref name="file"/>, written whole or not at all.</summary>
    public async Task<long> DownloadAsync(string path, string file, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
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

    public void Dispose() => _http.Dispose();

    private async Task<T> SendJsonAsync<T>(HttpMethod method, string path, object body, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body, body.GetType(), options: Json) };
        using var response = await SendAsync(request, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new UserException($"cannot reach the host at {_http.BaseAddress}: {ex.Message}", ex);
        }
        finally
        {
            request.Dispose();
        }

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
