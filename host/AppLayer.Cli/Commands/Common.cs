using AppLayer.Core;

namespace AppLayer.Cli.Commands;

/// <summary>Options shared by the verbs that talk to a host.</summary>
internal static class Common
{
    /// <summary>A verb that only groups others (<c>applayer customer add|list|...</c>).</summary>
    public static Command Group(string name, string description, params Command[] verbs)
    {
        var command = new Command(name, description);
        foreach (var verb in verbs)
        {
            command.Subcommands.Add(verb);
        }

        return command;
    }

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

    /// <summary>A package version given as <c>ID/VERSION</c> (<c>Cz.Vat2024/1.0.0</c>); <paramref name="what"/> names it in the error.</summary>
    /// <exception cref="UserException">Not of that form.</exception>
    public static (string Id, string Version) PackageVersion(string given, string what)
    {
        ArgumentNullException.ThrowIfNull(given);
        var slash = given.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 || slash == given.Length - 1
            ? throw new UserException($"{what} must be ID/VERSION, e.g. Cz.Vat2024/1.0.0, not '{given}'.")
            : (given[..slash], given[(slash + 1)..]);
    }

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
