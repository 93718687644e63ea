using System.Globalization;
using System.Net;
using AppLayer.Protocol;
using Octokit;

namespace AppLayer.GitHub;

/// <summary>
/// Turns what GitHub (through Octokit) refuses into one line a user can act on, e.g. a rate limit
/// with its reset time. The token is cut out of every message, whatever the server echoed.
/// </summary>
public static class GitHubFailure
{
    public const string Hidden = "***";

    public static async Task<T> GuardAsync<T>(IGitHubClient client, string action, Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(call);
        var token = client.Connection.Credentials?.Password;
        try
        {
            return await call();
        }
        catch (ApiException ex)
        {
            throw new UserException(Redact(Describe(ex, action), token), Redacted(ex, token));
        }
        catch (HttpRequestException ex)
        {
            throw new UserException(Redact($"cannot reach GitHub at {client.Connection.BaseAddress} while {action}: {ex.Message}", token));
        }
    }

    public static string Redact(string text, string? secret) =>
        string.IsNullOrEmpty(secret) ? text : text.Replace(secret, Hidden, StringComparison.Ordinal);

    private static string Describe(ApiException ex, string action)
    {
        var status = (int)ex.StatusCode;
        if (IsRateLimited(ex))
        {
            return $"GitHub's rate limit is reached ({status}) while {action}; it resets at {ResetTime(ex)}. Try again after that.";
        }

        return ex.StatusCode switch
        {
            HttpStatusCode.Unauthorized =>
                $"GitHub refused the token ({status}: {FirstLine(ex.ApiError?.Message ?? ex.Message)}) while {action}; check --token or {GitHubConnection.TokenVariable}.",
            HttpStatusCode.NotFound => $"GitHub found nothing ({status}) while {action}: the repository does not exist or the token may not read it.",
            (HttpStatusCode)422 when ex.ApiError?.Errors?.Any(e => e.Code == "already_exists") == true =>
                $"GitHub refused {action}: it exists already.",
            _ => $"GitHub answered {status} while {action}: {FirstLine(ex.ApiError?.Message ?? ex.Message)}",
        };
    }

    private static bool IsRateLimited(ApiException ex) =>
        ex is RateLimitExceededException or SecondaryRateLimitExceededException
        || ((ex.StatusCode == HttpStatusCode.Forbidden || (int)ex.StatusCode == 429) && Header(ex, "X-RateLimit-Remaining") == "0")
        || (int)ex.StatusCode == 429;

    private static string ResetTime(ApiException ex)
    {
        if (long.TryParse(Header(ex, "X-RateLimit-Reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
        {
            return DateTimeOffset.FromUnixTimeSeconds(epoch).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        }

        return int.TryParse(Header(ex, "Retry-After"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? $"{seconds} seconds from now"
            : "an unknown time (GitHub sent no reset time)";
    }

    private static string? Header(ApiException ex, string name) =>
        ex.HttpResponse?.Headers?.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string FirstLine(string text) => text.ReplaceLineEndings("\n").Split('\n')[0];

    /// <summary>The inner exception keeps the type and status but not a message that might carry the token.</summary>
    private static Exception Redacted(ApiException ex, string? token) =>
        new InvalidOperationException(Redact($"{ex.GetType().Name} {(int)ex.StatusCode}", token));
}
