using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace AppLayer.Host.Http;

/// <summary>
/// Strong ETags from the body's SHA-256, so a poll whose answer has not changed gets a bodiless 304.
/// <c>If-None-Match</c> is compared as RFC 9110 says: weakly (<c>W/"x"</c> matches <c>"x"</c>), a list
/// matches when any of its tags does, and <c>*</c> matches any current representation.
/// </summary>
internal static class ETags
{
    public static IResult Bytes(byte[] body, string contentType)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Bytes(body, Of(body), contentType);
    }

    /// <summary>Answers <paramref name="body"/> whose tag (<see cref="Of"/>) is already known.</summary>
    public static IResult Bytes(byte[] body, string tag, string contentType)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new TaggedBytes(body, tag, contentType);
    }

    /// <returns>The strong tag of <paramref name="body"/>, quoted.</returns>
    public static string Of(byte[] body) => "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..32] + "\"";

    /// <returns><c>true</c> when <c>If-None-Match</c> names <paramref name="tag"/> (weak comparison) or is <c>*</c>.</returns>
    public static bool NoneMatch(StringValues ifNoneMatch, string tag)
    {
        if (StringValues.IsNullOrEmpty(ifNoneMatch) || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var candidates))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(tag);
        return candidates.Any(c => c.Equals(EntityTagHeaderValue.Any) || c.Compare(current, useStrongComparison: false));
    }
}
