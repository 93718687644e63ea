using System.CommandLine;
using AppLayer.Core;
using AppLayer.Protocol;
using AppLayer.Protocol.Client;

namespace AppLayer.Cli.Commands;

/// <summary>Options shared by the verbs that talk to a host.</summary>
internal static class Common
{
    public static Option<string> HostOption() => new("--host")
    {
        Description = "The host's base URL (default: $APPLAYER_HOST).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("APPLAYER_HOST") ?? string.Empty,
    };

    /// <summary>The environment variable <c>--key</c> falls back to.</summary>
    public const string KeyVariable = "APPLAYER_KEY";

    /// <summary>
    /// <c>--key</c>. It has no default value of its own: help would print it, and a key is a secret. When
    /// the option is not given, <see cref="Client"/> reads <see cref="KeyVariable"/>.
    /// </summary>
    public static Option<string> KeyOption() => new("--key")
    {
        Description = $"An API key (default: from ${KeyVariable}; never printed).",
    };

    public static Option<bool> JsonOption() => new("--json") { Description = "Print JSON instead of a table." };

    public static Option<string[]> ListOption(string name, string description) => new(name)
    {
        Description = description + " (comma-separated or repeated)",
        AllowMultipleArgumentsPerToken = true,
    };

    public static IReadOnlyList<string> Split(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    public static AppLayerClient Client(ParseResult parse, Option<string> host, Option<string> key)
    {
        var url = parse.GetValue(host);
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new UserException("the host is not set: pass --host URL or set APPLAYER_HOST.");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UserException($"'{url}' is not an http(s) URL.");
        }

        var secret = parse.GetValue(key);
        var apiKey = string.IsNullOrEmpty(secret) ? Environment.GetEnvironmentVariable(KeyVariable) ?? string.Empty : secret;
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new UserException("an API key is needed: pass --key or set APPLAYER_KEY.");
        }

        return new AppLayerClient(uri, apiKey);
    }

    public static void PrintJson<T>(T value) =>
        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(value, AppLayerClient.Json));
}
