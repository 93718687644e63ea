namespace AppLayer.Protocol.Api;

// A customer's contacts: who may open tickets and approve quotes.

public sealed record CreateContactRequest(string Email, string Name);

/// <summary>A contact; <see cref="PortalToken"/> (their key to the web form) is shown only when the contact is created.</summary>
public sealed record ContactDto(string Customer, string Email, string Name, string? PortalToken = null);
