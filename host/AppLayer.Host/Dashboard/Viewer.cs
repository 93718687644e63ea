using System.Security.Claims;
using AppLayer.Core;
using AppLayer.Core.Keys;
using AppLayer.Host.Auth;

namespace AppLayer.Host.Dashboard;

/// <summary>Who is looking at the dashboard: a manager (every customer) or a customer's contact (that customer only).</summary>
internal sealed record Viewer(bool IsManager, long? CustomerId, string Label)
{
    public static Viewer From(ClaimsPrincipal user)
    {
        var scope = user.FindFirst(AppLayerClaims.Scope)?.Value;
        if (scope == KeyScopeNames.Manager)
        {
            return new Viewer(true, null, "manager");
        }

        var id = user.FindFirst(AppLayerClaims.CustomerId)?.Value
            ?? throw new InvalidOperationException("A dashboard session is either a manager's or a contact's.");
        return new Viewer(false, long.Parse(id, CultureInfo.InvariantCulture), "contact of " + user.FindFirst(AppLayerClaims.Customer)?.Value);
    }

    public bool CanSee(Customer customer) => IsManager || customer?.Id == CustomerId;

    /// <summary>A contact asking for another customer gets the same 404 as for one that does not exist.</summary>
    /// <exception cref="NotFoundException">The viewer may not see the customer.</exception>
    public Customer Ensure(Customer customer, string code) =>
        CanSee(customer) ? customer : throw new NotFoundException($"Customer '{code}' does not exist.");
}
