using AppLayer.Protocol;
using Octokit;

namespace AppLayer.GitHub;

/// <summary>
/// Makes Octokit's <see cref="GitHubClient"/> for github.com or any other API address (GitHub
/// Enterprise, a stand-in), authenticated with a token that is never written anywhere.
/// </summary>
public static class GitHubConnection
{
    public const string TokenVariable = "GITHUB_TOKEN";
    private static readonly ProductHeaderValue Product = new("applayer", "0.1");

    /// <param name="apiUrl">The API address; <c>null</c> is github.com. Octokit adds <c>/api/v3/</c> to any other host.</param>
    /// <param name="token">The token from <c>--token</c>, else from <see cref="TokenVariable"/>.</param>
    public static GitHubClient Create(string? apiUrl, string? token)
    {
        var secret = string.IsNullOrWhiteSpace(token) ? Environment.GetEnvironmentVariable(TokenVariable) : token;
        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new UserException($"a GitHub token is needed: pass --token or set {TokenVariable}.");
        }

        var client = string.IsNullOrWhiteSpace(apiUrl)
            ? new GitHubClient(Product)
            : new GitHubClient(Product, ParseApiUrl(apiUrl));
        client.Credentials = new Credentials(secret.Trim());
        client.SetRequestTimeout(TimeSpan.FromSeconds(100));
        return client;
    }

    private static Uri ParseApiUrl(string apiUrl) =>
        Uri.TryCreate(apiUrl.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new UserException($"--api-url '{apiUrl}' is not an http(s) URL.");
}
