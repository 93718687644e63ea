using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AppLayer.GitHubStandIn;

/// <summary>
/// A stand-in for the GitHub REST API on 127.0.0.1, serving what Octokit calls under <c>/api/v3/</c>
/// (the path Octokit uses for any host but github.com): repository issues filtered by label and
/// state, paginated with <c>Link</c> headers; release creation (422 <c>already_exists</c> for a
/// known tag); token checks (401); and rate-limit answers (403 or 429 with
/// <c>X-RateLimit-Remaining: 0</c> and <c>X-RateLimit-Reset</c>).
/// </summary>
public sealed class GitHubStandIn : IAsyncDisposable
{
    private const int RateLimit = 5000;
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly ConcurrentDictionary<string, List<StandInIssue>> _issues = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<StandInRelease> _releases = new();
    private readonly ConcurrentQueue<StandInRequest> _requests = new();
    private readonly Lock _gate = new();
    private WebApplication? _app;
    private int? _allowedBeforeLimit;
    private int _limitStatus = 403;
    private DateTimeOffset _reset;

    private GitHubStandIn(string token) => Token = token;

    /// <summary>The token a request must carry (as <c>token X</c> or <c>Bearer X</c>).</summary>
    public string Token { get; }

    /// <summary>The address to give Octokit (<c>http://127.0.0.1:PORT/</c>).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>When set, a 401 answer echoes the Authorization header it got (as a careless proxy might).</summary>
    public bool EchoAuthorizationInErrors { get; set; }

    public IReadOnlyList<StandInRequest> Requests => [.. _requests];

    public IReadOnlyList<StandInRelease> Releases => [.. _releases];

    public static async Task<GitHubStandIn> StartAsync(string token)
    {
        var standIn = new GitHubStandIn(token);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        standIn.Map(app);
        await app.StartAsync();
        standIn._app = app;
        standIn.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/");
        return standIn;
    }

    /// <summary>Adds issues to a repository (<c>owner/repo</c>), creating it.</summary>
    public void AddIssues(string repository, params StandInIssue[] issues)
    {
        var list = _issues.GetOrAdd(repository, _ => []);
        lock (_gate)
        {
            list.RemoveAll(i => issues.Any(n => n.Number == i.Number));
            list.AddRange(issues);
        }
    }

    /// <summary>Creates an empty repository (for releases).</summary>
    public void AddRepository(string repository) => _issues.GetOrAdd(repository, _ => []);

    /// <summary>Answers the next <paramref name="allowed"/> requests, then only rate-limit errors.</summary>
    public void LimitAfter(int allowed, DateTimeOffset reset, int status = 403)
    {
        lock (_gate)
        {
            (_allowedBeforeLimit, _reset, _limitStatus) = (allowed, reset, status);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var authorization = context.Request.Headers.Authorization.ToString();
            var status = Gate(context, authorization);
            if (status is { } refused)
            {
                await WriteErrorAsync(context, refused, authorization);
            }
            else
            {
                await next(context);
            }

            _requests.Enqueue(new StandInRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, authorization, context.Response.StatusCode));
        });
        app.MapGet("/api/v3/repos/{owner}/{repo}/issues", ListIssues);
        app.MapPost("/api/v3/repos/{owner}/{repo}/releases", CreateReleaseAsync);
    }

    /// <returns>The status of a refusal (401, 403, 429), or <c>null</c> to serve the request.</returns>
    private int? Gate(HttpContext context, string authorization)
    {
        var presented = authorization.Split(' ', 2) is [var scheme, var secret]
            && (scheme.Equals("token", StringComparison.OrdinalIgnoreCase) || scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            ? secret
            : null;
        if (presented != Token)
        {
            return 401;
        }

        lock (_gate)
        {
            var remaining = _allowedBeforeLimit is { } allowed ? Math.Max(allowed, 0) : RateLimit;
            var reset = _allowedBeforeLimit is null ? DateTimeOffset.UtcNow.AddHours(1) : _reset;
            context.Response.Headers["X-RateLimit-Limit"] = RateLimit.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            if (_allowedBeforeLimit is 0)
            {
                context.Response.Headers["X-RateLimit-Remaining"] = "0";
                return _limitStatus;
            }

            _allowedBeforeLimit = _allowedBeforeLimit - 1;
            context.Response.Headers["X-RateLimit-Remaining"] = Math.Max(remaining - 1, 0).ToString(CultureInfo.InvariantCulture);
            return null;
        }
    }

    private async Task WriteErrorAsync(HttpContext context, int status, string authorization)
    {
        var message = status switch
        {
            401 when EchoAuthorizationInErrors => $"Bad credentials: '{authorization}' is not a valid token",
            401 => "Bad credentials",
            _ => "API rate limit exceeded for user ID 1. (But here's the good news: Authenticated requests get a higher rate limit.)",
        };
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { message, documentation_url = "https://docs.github.com/rest" }, Json);
    }

    private IResult ListIssues(string owner, string repo, HttpRequest request)
    {
        if (!_issues.TryGetValue($"{owner}/{repo}", out var all))
        {
            return NotFound();
        }

        var labels = request.Query["labels"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var state = request.Query["state"].ToString() is { Length: > 0 } s ? s : "open";
        var perPage = Math.Clamp(Number(request.Query["per_page"], 30), 1, 100);
        var page = Math.Max(Number(request.Query["page"], 1), 1);
        List<StandInIssue> matching;
        lock (_gate)
        {
            matching = [.. all
                .Where(i => labels.All(l => i.Labels.Contains(l, StringComparer.OrdinalIgnoreCase)))
                .Where(i => state == "all" || (state == "closed") == i.Closed)
                .OrderByDescending(i => i.Number)];
        }

        var pages = Math.Max((matching.Count + perPage - 1) / perPage, 1);
        var links = new List<string>();
        if (page < pages)
        {
            links.Add($"<{PageUrl(request, page + 1)}>; rel=\"next\"");
            links.Add($"<{PageUrl(request, pages)}>; rel=\"last\"");
        }

        if (page > 1)
        {
            links.Add($"<{PageUrl(request, 1)}>; rel=\"first\"");
            links.Add($"<{PageUrl(request, page - 1)}>; rel=\"prev\"");
        }

        if (links.Count > 0)
        {
            request.HttpContext.Response.Headers["Link"] = string.Join(", ", links);
        }

        var body = matching.Skip((page - 1) * perPage).Take(perPage).Select(i => IssueJson(owner, repo, i)).ToList();
        return Results.Json(body, Json);
    }

    private async Task<IResult> CreateReleaseAsync(string owner, string repo, HttpRequest request)
    {
        if (!_issues.ContainsKey($"{owner}/{repo}"))
        {
            return NotFound();
        }

        using var body = await JsonDocument.ParseAsync(request.Body);
        var tag = body.RootElement.TryGetProperty("tag_name", out var t) ? t.GetString() : null;
        if (string.IsNullOrWhiteSpace(tag))
        {
            return Results.Json(new { message = "Validation Failed", errors = new[] { new { resource = "Release", code = "missing_field", field = "tag_name" } } }, Json, statusCode: 422);
        }

        StandInRelease release;
        lock (_gate)
        {
            if (_releases.Any(r => r.Repository.Equals($"{owner}/{repo}", StringComparison.OrdinalIgnoreCase) && r.TagName == tag))
            {
                return Results.Json(new { message = "Validation Failed", errors = new[] { new { resource = "Release", code = "already_exists", field = "tag_name" } } }, Json, statusCode: 422);
            }

            release = new StandInRelease(
                _releases.Count + 1,
                $"{owner}/{repo}",
                tag,
                Text(body.RootElement, "name"),
                Text(body.RootElement, "body"),
                body.RootElement.TryGetProperty("draft", out var d) && d.ValueKind == JsonValueKind.True);
            _releases.Enqueue(release);
        }

        var now = DateTimeOffset.UtcNow;
        return Results.Json(
            new
            {
                id = release.Id,
                url = $"{BaseAddress}api/v3/repos/{owner}/{repo}/releases/{release.Id}",
                html_url = $"https://github.example/{owner}/{repo}/releases/tag/{Uri.EscapeDataString(tag)}",
                tag_name = tag,
                name = release.Name,
                body = release.Body,
                draft = release.Draft,
                prerelease = false,
                created_at = now,
                published_at = now,
                author = new { login = "applayer-bot", id = 1 },
                assets = Array.Empty<object>(),
            },
            Json,
            statusCode: 201);
    }

    private object IssueJson(string owner, string repo, StandInIssue issue) => new
    {
        id = 1000 + issue.Number,
        number = issue.Number,
        title = issue.Title,
        body = issue.Body,
        state = issue.Closed ? "closed" : "open",
        labels = issue.Labels.Select((l, i) => new { id = i + 1, name = l, color = "ededed" }).ToArray(),
        assignee = issue.Assignee is null ? null : new { login = issue.Assignee, id = 7 },
        user = new { login = "reporter", id = 3 },
        html_url = $"https://github.example/{owner}/{repo}/issues/{issue.Number}",
        url = $"{BaseAddress}api/v3/repos/{owner}/{repo}/issues/{issue.Number}",
        pull_request = issue.IsPullRequest ? new { url = $"{BaseAddress}api/v3/repos/{owner}/{repo}/pulls/{issue.Number}" } : null,
        comments = 0,
        locked = false,
        created_at = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
        updated_at = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
    };

    private static string PageUrl(HttpRequest request, int page)
    {
        var query = request.Query.Where(q => q.Key != "page").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}").Append($"page={page}");
        return $"{request.Scheme}://{request.Host}{request.Path}?{string.Join("&", query)}";
    }

    private static int Number(Microsoft.Extensions.Primitives.StringValues value, int fallback) =>
        int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : fallback;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IResult NotFound() => Results.Json(new { message = "Not Found", documentation_url = "https://docs.github.com/rest" }, Json, statusCode: 404);
}
