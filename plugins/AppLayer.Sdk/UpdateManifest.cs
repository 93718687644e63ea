using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace AppLayer.Sdk;

/// <summary>
/// What an update declares about itself. It travels as <see cref="FileName"/> at the root of the
/// update package, so the host and the site agent can read it without running plugin code.
/// </summary>
public sealed partial record UpdateManifest
{
    /// <summary>The manifest's file name at the root of an update package.</summary>
    public const string FileName = "applayer.update.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Package id, e.g. <c>Cz.Vat2024</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Package version (SemVer 2).</summary>
    public required string Version { get; init; }

    public required UpdateKind Kind { get; init; }

    /// <summary>One line a manager understands.</summary>
    public required string Title { get; init; }

    /// <summary>Legal references such as "Act No. 349/2023 Coll."; required for legislative updates.</summary>
    public IReadOnlyList<string> LegalReferences { get; init; } = [];

    /// <summary>The day the change takes effect in law; required for legislative updates.</summary>
    public DateOnly? EffectiveDate { get; init; }

    /// <summary>Supported IS versions as a NuGet version range, e.g. <c>[5.0,6.0)</c>.</summary>
    public string IsVersionRange { get; init; } = "[0.0,)";

    /// <summary>IS modules the update touches (accounting, payroll, finance, production, ...).</summary>
    public IReadOnlyList<string> Modules { get; init; } = [];

    /// <summary>Updates that must be applied before this one.</summary>
    public IReadOnlyList<UpdateDependency> Dependencies { get; init; } = [];

    /// <summary>
    /// An emergency legal update: the site agent applies it even outside the installation's
    /// maintenance window, and records that it did. Only for legislative updates.
    /// </summary>
    public bool Emergency { get; init; }

    /// <summary>The assembly (file name) inside the package that holds the <see cref="IUpdate"/>.</summary>
    public string? EntryAssembly { get; init; }

    /// <summary>
    /// The one customer (its code) a bespoke update (data fix, feature) is for; the feed shows it to
    /// no one else. Legislative updates name none.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Customer { get; init; }

    /// <summary>Reads and validates a manifest.</summary>
    /// <exception cref="ManifestException">The JSON is malformed or a rule is broken.</exception>
    public static UpdateManifest Parse(string json)
    {
        UpdateManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<UpdateManifest>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new ManifestException($"{FileName} is not valid: {Describe(ex, json)}", ex);
        }

        if (manifest is null)
        {
            throw new ManifestException($"{FileName} is empty.");
        }

        manifest.Validate();
        return manifest;
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Checks the rules every manifest must follow.</summary>
    /// <exception cref="ManifestException">The first rule broken.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Id) || !IdPattern().IsMatch(Id))
        {
            throw new ManifestException($"{FileName}: id '{Id}' is not a valid package id.");
        }

        if (string.IsNullOrWhiteSpace(Version) || !VersionPattern().IsMatch(Version))
        {
            throw new ManifestException($"{FileName}: version '{Version}' is not a valid version.");
        }

        if (!Enum.IsDefined(Kind))
        {
            throw new ManifestException($"{FileName}: kind '{Kind}' is unknown; it is one of {Kinds}.");
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            throw new ManifestException($"{FileName}: title is required.");
        }

        if (Kind == UpdateKind.Legislative)
        {
            if (LegalReferences.Count == 0 || LegalReferences.Any(string.IsNullOrWhiteSpace))
            {
                throw new ManifestException($"{FileName}: a legislative update must name its legal references.");
            }

            if (EffectiveDate is null)
            {
                throw new ManifestException($"{FileName}: a legislative update must give its effective date.");
            }
        }

        if (Customer is not null && (Kind == UpdateKind.Legislative || string.IsNullOrWhiteSpace(Customer) || Customer.Length > 64 || Customer.Any(char.IsWhiteSpace)))
        {
            throw new ManifestException($"{FileName}: customer '{Customer}' is not allowed here (a code without spaces, and only on a bespoke update, not a legislative one).");
        }

        if (Emergency && Kind != UpdateKind.Legislative)
        {
            throw new ManifestException($"{FileName}: only a legislative update can be an emergency.");
        }

        foreach (var dependency in Dependencies)
        {
            if (string.Equals(dependency.Id, Id, StringComparison.OrdinalIgnoreCase))
            {
                throw new ManifestException($"{FileName}: an update cannot depend on itself.");
            }
        }
    }

    private static string Kinds => string.Join(", ", Enum.GetNames<UpdateKind>());

    /// <summary>What is wrong with the JSON, in the manifest's own terms (its field names and values, not .NET types).</summary>
    private static string Describe(JsonException exception, string json)
    {
        var line = exception.LineNumber is { } n ? string.Create(CultureInfo.InvariantCulture, $" (line {n + 1})") : string.Empty;
        var field = exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
        if (field == "kind")
        {
            return $"kind {Value(json, "kind")} is unknown; it is one of {Kinds}{line}.";
        }

        if (field is null)
        {
            return exception.Message.Contains("missing required properties", StringComparison.Ordinal)
                ? "id, version, kind and title are required."
                : $"it is not well-formed JSON{line}.";
        }

        var expected = field.Split('.', '[')[0] switch
        {
            "effectiveDate" => "a date (YYYY-MM-DD)",
            "emergency" => "true or false",
            "legalReferences" or "modules" => "a list of strings",
            "dependencies" => "a list of { \"id\": ..., \"minVersion\": ... }",
            _ => "a string",
        };
        return $"{field} must be {expected}{line}.";
    }

    private static string Value(string json, string property)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(property, out var value)
                ? $"'{(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText())}'"
                : "(missing)";
        }
        catch (JsonException)
        {
            return "(unreadable)";
        }
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Id} {Version} ({Kind})");

    [GeneratedRegex(@"^[A-Za-z0-9_]+([.-][A-Za-z0-9_]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\d+(\.\d+){1,3}(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")]
    private static partial Regex VersionPattern();
}
