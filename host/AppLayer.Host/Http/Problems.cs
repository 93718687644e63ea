using AppLayer.Core;
using AppLayer.Core.Common;
using AppLayer.Feed.Indexing;
using AppLayer.Host.Auth;
using AppLayer.Sdk;
using Microsoft.AspNetCore.Mvc;

namespace AppLayer.Host.Http;

/// <summary>
/// The one place where outcomes become HTTP answers: result enums, user errors and refused keys
/// each map to a status and a problem body whose title is one line a user can act on.
/// </summary>
internal static class Problems
{
    /// <returns>The problem for a user's mistake, or <c>null</c> for a bug (left to the 500 handler).</returns>
    public static ProblemDetails? From(Exception exception, HttpContext? http = null) => exception switch
    {
        NotFoundException e => Create(StatusCodes.Status404NotFound, e.Message),
        ConflictException e => Create(StatusCodes.Status409Conflict, e.Message),
        UserException e => Create(StatusCodes.Status400BadRequest, e.Message),
        ManifestException e => Create(StatusCodes.Status400BadRequest, e.Message),
        BadHttpRequestException e => Create(e.StatusCode, BadRequestTitles.For(e, http)),
        _ => null,
    };

    public static IResult From(PackageIndexingOutcome outcome) => outcome.Result switch
    {
        PackageIndexingResult.Success => Results.Created(FlatContainerPath(outcome), outcome.Package!.ToDto()),
        PackageIndexingResult.AlreadyExists => Result(StatusCodes.Status409Conflict, outcome.Message),
        PackageIndexingResult.Invalid => Results.Problem(WithLimit(Create(StatusCodes.Status400BadRequest, outcome.Message), outcome.Limit)),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Result, "Unknown indexing result."),
    };

    public static IResult NotFound(string title) => Result(StatusCodes.Status404NotFound, title);

    public static ProblemDetails Unauthorized(bool keyPresented) => Create(
        StatusCodes.Status401Unauthorized,
        keyPresented
            ? "The API key is unknown, revoked or expired."
            : "An API key is required: send it as X-NuGet-ApiKey, as a Bearer token or as the Basic password.");

    public static ProblemDetails Forbidden(string scope, string? policy) => Create(
        StatusCodes.Status403Forbidden,
        policy switch
        {
            ApiKeyDefaults.PublishPolicy => $"This needs a publish or manager key; a {scope} key was sent.",
            ApiKeyDefaults.ManagerPolicy => $"This needs a manager key; a {scope} key was sent.",
            ApiKeyDefaults.SitePolicy => $"This needs a site key (one installation's agent); a {scope} key was sent.",
            _ => $"A {scope} key may not do this.",
        });

    /// <summary>A package stored on the host whose bytes no longer match its signed length and SHA-512: never served.</summary>
    public static IResult Damaged(string title) => Result(StatusCodes.Status500InternalServerError, title);

    private static ProblemDetails WithLimit(ProblemDetails problem, string? limit)
    {
        if (limit is not null)
        {
            problem.Extensions["limit"] = limit;
        }

        return problem;
    }

    private static IResult Result(int status, string title) => Results.Problem(Create(status, title));

    private static ProblemDetails Create(int status, string title) => new() { Status = status, Title = title };

    private static string FlatContainerPath(PackageIndexingOutcome outcome)
    {
        var id = outcome.Package!.Id.ToLowerInvariant();
        var version = outcome.Package.Version.ToLowerInvariant();
        return $"/v3/flatcontainer/{id}/{version}/{id}.{version}.nupkg";
    }
}
