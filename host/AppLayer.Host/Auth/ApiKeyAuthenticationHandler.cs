using System.Security.Claims;
using System.Text.Encodings.Web;
using AppLayer.Core.Keys;
using AppLayer.Host.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace AppLayer.Host.Auth;

/// <summary>
/// Authenticates a request by its API key. A missing or bad key is challenged with <c>401</c> and
/// <c>WWW-Authenticate: Basic realm="AppLayer"</c> (so NuGet clients retry with the source's
/// credentials); a known key of the wrong scope is forbidden with <c>403</c>.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys,
    SiteCustomers customers,
    IProblemDetailsService problems) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey.From(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        var key = await keys.AuthenticateAsync(presented, Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("The API key is unknown, revoked or expired.");
        }

        var claims = new List<Claim>
        {
            new(AppLayerClaims.KeyId, key.Id.ToString(CultureInfo.InvariantCulture)),
            new(AppLayerClaims.Scope, key.Scope.ToName()),
        };
        if (key.InstallationId is { } installation)
        {
            claims.Add(new Claim(AppLayerClaims.Installation, installation.ToString(CultureInfo.InvariantCulture)));
            if (await customers.CustomerOfAsync(installation, Context.RequestAborted) is { } customer)
            {
                claims.Add(new Claim(AppLayerClaims.Customer, customer));
            }
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = $"Basic realm=\"{ApiKeyDefaults.Realm}\"";
        await WriteAsync(Problems.Unauthorized(keyPresented: !result.None));
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var scope = Context.User.FindFirst(AppLayerClaims.Scope)?.Value ?? "unknown";
        var needed = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => a.Policy)
            .LastOrDefault(p => p is not null);
        await WriteAsync(Problems.Forbidden(scope, needed));
    }

    private async Task WriteAsync(Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        Response.StatusCode = problem.Status ?? StatusCodes.Status401Unauthorized;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem });
    }
}
