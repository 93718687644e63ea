namespace AppLayer.Host.Auth;

/// <summary>
/// The claims both sign-ins give a caller: an API key (<see cref="ApiKeyDefaults.Scheme"/>) and the dashboard's
/// cookie (<see cref="Dashboard.DashboardDefaults.Scheme"/>). One name for one fact, whichever way the caller came in.
/// </summary>
internal static class AppLayerClaims
{
    /// <summary>The key's scope (<c>manager</c>, <c>publish</c>, <c>site</c>, <c>contact</c>).</summary>
    public const string Scope = "applayer:scope";

    /// <summary>A site key's installation code.</summary>
    public const string Installation = "applayer:installation";

    /// <summary>The key's id, as the audit trail names the actor.</summary>
    public const string KeyId = "applayer:key";

    /// <summary>The caller's customer code: a site key's (what of the feed it sees) or a signed-in contact's.</summary>
    public const string Customer = "applayer:customer";

    /// <summary>A signed-in contact's customer id (the dashboard's pages look their rows up by it).</summary>
    public const string CustomerId = "applayer:customer-id";
}
