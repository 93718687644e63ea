namespace AppLayer.Protocol.Api;

// Customers, their installations and the keys made for them. Property names serialise camelCase; dates are ISO
// 8601 (as in every body of the API).

public sealed record CreateCustomerRequest(string Code, string Name);

public sealed record CustomerDto(string Code, string Name, AgreementDto? Agreement, IReadOnlyList<InstallationDto> Installations);

public sealed record CreateInstallationRequest(string Code, string Name, string IsVersion, IReadOnlyList<string> Modules, string? TimeZone);

public sealed record InstallationDto(string Code, string Name, string CustomerCode, string IsVersion, IReadOnlyList<string> Modules, string TimeZone);

public sealed record CreatedKeyDto(string Key, string Scope, string? Installation, DateTimeOffset? ExpiresAt)
{
    /// <summary>The customer a contact key belongs to.</summary>
    public string? Customer { get; init; }
}
