
namespace AppLayer.Core.Agreements;

/// <summary>One version of a customer's agreement with its terms, in force from <see cref="EffectiveFrom"/> until the next amendment.</summary>
public sealed record ServiceAgreement(Agreement Agreement, DateOnly EffectiveFrom, AgreementTerms Terms)
{
    public bool Includes(string service) => Agreement.Services.Contains(service, StringComparer.OrdinalIgnoreCase);
}
