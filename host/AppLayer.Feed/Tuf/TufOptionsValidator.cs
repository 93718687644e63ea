using Microsoft.Extensions.Options;

namespace AppLayer.Feed.Tuf;

/// <summary>Refuses, when the host starts, lifetimes that cannot keep the signed metadata fresh (see <see cref="TufOptions.Problem"/>).</summary>
internal sealed class TufOptionsValidator : IValidateOptions<TufOptions>
{
    public ValidateOptionsResult Validate(string? name, TufOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
