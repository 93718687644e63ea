using System.Net.Http.Headers;
using System.Text;

namespace AppLayer.Host.Auth;

/// <summary>Finds the key a request carries: <c>X-NuGet-ApiKey</c>, <c>Bearer</c>, or the password of <c>Basic</c>.</summary>
internal static class PresentedKey
{
    /// <returns>The key; an empty string when a credential is there but unreadable; <c>null</c> when there is none.</returns>
    public static string? From(HttpRequest request)
    {
        var nugetKey = request.Headers[ApiKeyDefaults.NuGetApiKeyHeader].ToString();
        if (nugetKey.Length > 0)
        {
            return nugetKey.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            return null;
        }

        if (!AuthenticationHeaderValue.TryParse(authorization, out var header))
        {
            return string.Empty;
        }

        if (header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return header.Parameter?.Trim() ?? string.Empty;
        }

        if (header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return BasicPassword(header.Parameter);
        }

        return string.Empty;
    }

    private static string BasicPassword(string? parameter)
    {
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter ?? string.Empty));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? string.Empty : decoded[(colon + 1)..];
        }
        catch (FormatException)
        {
            return string.Empty;
        }
    }
}
