using System.Net;

namespace AppLayer.Protocol.Api;

/// <summary>
/// The status line clients print: the code and its standard phrase. The host's own reason phrase carries the
/// problem's title (so <c>dotnet nuget push</c> shows it), which a client that prints the title too would repeat.
/// </summary>
public static class StatusLines
{
    /// <returns>For example <c>400 Bad Request</c>, whatever phrase the server sent.</returns>
    public static string Of(HttpStatusCode status)
    {
        using var standard = new HttpResponseMessage(status);
        return $"{(int)status} {standard.ReasonPhrase}";
    }
}
