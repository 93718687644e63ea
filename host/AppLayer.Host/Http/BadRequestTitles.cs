using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;

namespace AppLayer.Host.Http;

/// <summary>
/// One line for a request ASP.NET Core could not bind (a route value, a query value, a JSON body), in the
/// product's words: which field, and what it takes (for a fixed set of values, the values). Never the
/// framework's text, which names .NET types, parameters and JSON paths.
/// </summary>
internal static partial class BadRequestTitles
{
    public static string For(BadHttpRequestException exception, HttpContext? http)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.InnerException is JsonException json)
        {
            // The exception handler clears the endpoint before it runs; its feature keeps the one that failed.
            var endpoint = http?.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http?.GetEndpoint();
            return Body(json, endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType);
        }

        var message = exception.Message;
        if (BindFailed().Match(message) is { Success: true } bind)
        {
            return $"'{bind.Groups["value"].Value}' is not a valid {Words(bind.Groups["name"].Value)}: {Expected(TypeNamed(bind.Groups["type"].Value))}.";
        }

        if (RequiredMissing().Match(message) is { Success: true } missing)
        {
            return $"The {Words(missing.Groups["name"].Value)} is required.";
        }

        if (message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || message.Contains("from the request body", StringComparison.Ordinal))
        {
            return "The request needs a JSON body.";
        }

        if (message.StartsWith("Expected a supported JSON media type", StringComparison.Ordinal))
        {
            return "The body must be JSON (Content-Type: application/json).";
        }

        return exception.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "The request body is larger than this host accepts.",
            StatusCodes.Status408RequestTimeout => "The request body came too slowly.",
            StatusCodes.Status431RequestHeaderFieldsTooLarge => "The request headers are too large.",
            _ => "The request is malformed.",
        };
    }

    private static string Body(JsonException json, Type? requestType)
    {
        var line = json.LineNumber is { } n ? $" (line {n + 1})" : string.Empty;
        var path = json.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : null;
        if (path is null)
        {
            return json.Message.Contains("missing required properties", StringComparison.Ordinal)
                ? "The JSON body lacks a required field."
                : $"The body is not valid JSON{line}.";
        }

        var field = FieldType(requestType, path);
        return field is null
            ? $"The body's field '{path}' has a value of the wrong kind{line}."
            : $"The body's field '{path}' must be {Expected(field)}{line}.";
    }

    /// <returns>The type of the property at a JSON path such as <c>terms.rates</c> or <c>items[0].version</c>, or <c>null</c>.</returns>
    private static Type? FieldType(Type? type, string path)
    {
        foreach (var part in path.Split('.'))
        {
            if (type is null)
            {
                return null;
            }

            var name = part;
            var bracket = name.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                name = name[..bracket];
            }

            type = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            if (type is not null && bracket >= 0)
            {
                type = ElementType(type);
            }
        }

        return type;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericArguments() is [var item] ? item
        : null;

    private static string Expected(Type? type)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            null => "a value of another kind",
            { IsEnum: true } => "one of " + string.Join(", ", Enum.GetNames(type)),
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "a whole number",
            _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) => "a number",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(DateOnly) => "a date (YYYY-MM-DD)",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "a date and time (ISO 8601, e.g. 2026-01-31T09:00:00+01:00)",
            _ when type == typeof(TimeOnly) => "a time (HH:MM)",
            _ when type == typeof(string) => "a string",
            _ when type == typeof(Guid) => "a GUID",
            _ when type.IsGenericType && type.GetGenericTypeDefinition().Name.StartsWith("IReadOnlyDictionary", StringComparison.Ordinal) => "an object",
            _ when type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) => "a list",
            _ => "an object",
        };
    }

    private static Type? TypeNamed(string name) => name.Replace("System.", string.Empty, StringComparison.Ordinal).Replace("Nullable<", string.Empty, StringComparison.Ordinal).TrimEnd('?', '>') switch
    {
        "int" or "Int32" => typeof(int),
        "long" or "Int64" => typeof(long),
        "decimal" or "Decimal" => typeof(decimal),
        "bool" or "Boolean" => typeof(bool),
        "DateOnly" => typeof(DateOnly),
        "DateTimeOffset" => typeof(DateTimeOffset),
        "Guid" => typeof(Guid),
        _ => null,
    };

    /// <summary><c>expiresInDays</c> → "expires in days".</summary>
    private static string Words(string name) => CamelHumps().Replace(name, " $1").ToLowerInvariant();

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^ "]+)\?? (?<name>[^"]+)" from "(?<value>[^"]*)"\.""")]
    private static partial Regex BindFailed();

    [GeneratedRegex("""^Required parameter "(?<type>[^ "]+) (?<name>[^"]+)" was not provided""")]
    private static partial Regex RequiredMissing();

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex CamelHumps();
}
