using System.Net;
using System.Net.Http.Json;
using AppLayer.Host.Tests.History;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;

namespace AppLayer.Host.Tests.Dashboard;

/// <summary>
/// A customer contact's key is revoked like any other key (<c>POST /api/keys/revoke</c>, or <c>applayer keys revoke</c>
/// straight in the data folder), and a dashboard session signed in with it ends on the very next request.
/// </summary>
public sealed class ContactKeyRevocationTests : HistoryScenario
{
    [Fact]
    public async Task A_contact_key_revoked_through_the_manager_api_ends_its_session_at_once_and_revokes_no_other_key()
    {
        var key = await ContactKeyAsync();
        using var contact = await Host.SignInAsync(key);
        using var bearer = Host.Client(key);
        (await contact.PageAsync("/dashboard/customers/novak")).Status.ShouldBe(HttpStatusCode.OK);

        using (var revoked = await Manager.PostAsJsonAsync("/api/keys/revoke", new { key }))
        {
            revoked.StatusCode.ShouldBe(HttpStatusCode.NoContent, await revoked.Content.ReadAsStringAsync());
        }

        var (status, body) = await contact.PageAsync("/dashboard/customers/novak");
        status.ShouldBe(HttpStatusCode.Unauthorized);
        body.ShouldContain("Your key was revoked or has expired");
        body.ShouldNotContain("novak s.r.o.");
        (await bearer.GetAsync(new Uri("/api/customers/novak/history", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await contact.PageAsync("/dashboard/customers/novak")).Body.ShouldContain("<form"); // the cookie is gone: back to the sign-in form

        // Contact keys are numbered apart from the other keys: the manager's key (and a second contact's) still work.
        (await Manager.GetAsync(new Uri("/api/customers/novak/history", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var other = await Host.SignInAsync(await ContactKeyAsync());
        (await other.PageAsync("/dashboard/customers/novak")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_contact_key_revoked_by_the_cli_in_the_data_folder_is_refused_on_the_next_dashboard_request()
    {
        var key = await ContactKeyAsync();
        using var contact = await Host.SignInAsync(key);
        (await contact.PageAsync("/dashboard/customers/novak")).Status.ShouldBe(HttpStatusCode.OK);

        (await AppLayerHost.RevokeKeyAsync(Host.DataDirectory, key)).ShouldBeTrue();

        (await contact.PageAsync("/dashboard/customers/novak")).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await AppLayerHost.RevokeKeyAsync(Host.DataDirectory, key)).ShouldBeTrue(); // twice is harmless
    }

    [Fact]
    public async Task A_session_signed_in_with_a_contact_key_ends_when_the_key_expires_though_the_cookie_is_still_fresh()
    {
        var key = (await Manager.PostJsonAsync<CreatedKeyDto>("/api/customers/novak/contact-keys?expiresInDays=1", new { })).Key;
        using var contact = await Host.SignInAsync(key);
        for (var hour = 7; hour <= 21; hour += 7)
        {
            Host.Time.Advance(TimeSpan.FromHours(7)); // sliding: each request renews the 8-hour cookie
            (await contact.PageAsync("/dashboard/customers/novak")).Status.ShouldBe(HttpStatusCode.OK, $"after {hour} h");
        }

        Host.Time.Advance(TimeSpan.FromHours(4)); // 25 h: the key expired, the cookie (renewed at 21 h) has not

        (await contact.PageAsync("/dashboard/customers/novak")).Status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<string> ContactKeyAsync() =>
        (await Manager.PostJsonAsync<CreatedKeyDto>("/api/customers/novak/contact-keys", new { })).Key;
}
