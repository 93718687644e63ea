using System.Security.Cryptography;
using System.Text;
using AppLayer.Core.Common;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;

namespace AppLayer.Core.ServiceDesk.Contacts;

/// <summary>A customer's contacts and their keys to the web form (stored hashed, shown once).</summary>
public sealed class ContactService(ServiceDeskDirectory directory, IContactStore contacts, TimeProvider time)
{
    public async Task<ContactDto> AddAsync(string customerCode, CreateContactRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var customer = await directory.CustomerAsync(customerCode, cancellationToken);
        var email = Email(request.Email);
        var name = Require.Text(request.Name, "Contact name", 200);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        var contact = await contacts.AddAsync(customer.Id, email, name, Hash(token), time.GetUtcNow(), cancellationToken)
            ?? throw new ConflictException($"Contact '{email}' exists already.");
        return new ContactDto(customer.Code, contact.Email, contact.Name, token);
    }

    public async Task<IReadOnlyList<ContactDto>> ListAsync(string customerCode, CancellationToken cancellationToken)
    {
        var customer = await directory.CustomerAsync(customerCode, cancellationToken);
        return [.. (await contacts.ListAsync(customer.Id, cancellationToken)).Select(c => new ContactDto(customer.Code, c.Email, c.Name))];
    }

    /// <returns>The contact a web-form key belongs to, or <c>null</c>.</returns>
    public Task<Contact?> FindByTokenAsync(string? token, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(token) ? Task.FromResult<Contact?>(null) : contacts.FindByPortalHashAsync(Hash(token.Trim()), cancellationToken);

    public async Task<string> CustomerCodeAsync(Contact contact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return (await directory.CustomerAsync(contact.CustomerId, cancellationToken)).Code;
    }

    /// <summary>A plain check of an e-mail address: one '@', no spaces, at most 254 characters.</summary>
    public static string Email(string? value)
    {
        var email = Require.Text(value, "E-mail address", 254);
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1 || email.Any(char.IsWhiteSpace) || email.IndexOfAny(['<', '>', ',', ';']) >= 0)
        {
            throw new UserException($"'{email}' is not an e-mail address.");
        }

        return email.ToLowerInvariant();
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
