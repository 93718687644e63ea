using AppLayer.Host.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AppLayer.Host.Http;

/// <summary>
/// Answers the feed's most frequent GETs before routing, authentication and authorization run:
/// <c>/tuf/{name}</c>, <c>/v3/registration/{id}/index.json</c> and <c>/v3/flatcontainer/{id}/{version}/{file}</c>,
/// which every valid key may read. It answers only when the request carries a valid key
/// (<see cref="FeedKeys"/>) and <see cref="FeedReads"/> has something for that caller; everything else
/// (no key, a bad key, a path of another shape, nothing there, a damaged package) goes on to the routed
/// endpoints, which answer as they always do (401 with its challenge, 404, the logged 500). Their answers
/// come from the same <see cref="FeedReads"/>, so a request answered here gets the bytes and headers
/// the endpoint would have sent.
/// </summary>
internal sealed class FeedShortcut(RequestDelegate next, FeedKeys keys, FeedReads reads)
{
    private const string Tuf = "/tuf/";
    private const string Registration = "/v3/registration/";
    private const string RegistrationIndex = "/index.json";
    private const string FlatContainer = "/v3/flatcontainer/";

    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) && await AnswerAsync(context) is { } answer)
        {
            await answer.ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private async ValueTask<IResult?> AnswerAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path is null)
        {
            return null;
        }

        var ct = context.RequestAborted;
        if (path.StartsWith(Tuf, StringComparison.Ordinal))
        {
            var name = path[Tuf.Length..];
            return Segment(name) && await keys.CallerAsync(context.Request, ct) is { } caller
                ? await reads.MetadataAsync(name, caller, ct)
                : null;
        }

        if (path.StartsWith(Registration, StringComparison.Ordinal) && path.EndsWith(RegistrationIndex, StringComparison.Ordinal)
            && path.Length > Registration.Length + RegistrationIndex.Length)
        {
            var id = path[Registration.Length..^RegistrationIndex.Length];
            return Segment(id) && await keys.CallerAsync(context.Request, ct) is { } caller
                ? await reads.RegistrationIndexAsync(context, id, caller, ct)
                : null;
        }

        if (path.StartsWith(FlatContainer, StringComparison.Ordinal))
        {
            var first = path.IndexOf('/', FlatContainer.Length);
            var second = first < 0 ? -1 : path.IndexOf('/', first + 1);
            if (first <= FlatContainer.Length || second <= first + 1 || second == path.Length - 1 || path.IndexOf('/', second + 1) >= 0)
            {
                return null;
            }

            return await keys.CallerAsync(context.Request, ct) is { } caller
                ? await reads.FlatFileAsync(path[FlatContainer.Length..first], path[(first + 1)..second], path[(second + 1)..], caller, refusals: null, ct)
                : null;
        }

        return null;
    }

    /// <summary>One non-empty path segment, as a route parameter matches it.</summary>
    private static bool Segment(string value) => value.Length > 0 && !value.Contains('/', StringComparison.Ordinal);
}

internal static class FeedShortcutExtensions
{
    /// <summary>After <see cref="HeadRequests.UseHeadAsGet"/> (a HEAD is answered as its GET) and before routing.</summary>
    public static IApplicationBuilder UseFeedShortcut(this IApplicationBuilder app) => app.UseMiddleware<FeedShortcut>();
}
