using System.Net;
using AppLayer.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AppLayer.Host.Tests.Dashboard;

/// <summary>A browser-like client (cookies, redirects followed) that signs in to the dashboard with a key.</summary>
public static class DashboardSession
{
    public static async Task<HttpClient> SignInAsync(this HostFactory host, string key)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = true });
        using var form = new FormUrlEncodedContent([new("key", key), new("returnUrl", "/dashboard")]);
        using var response = await client.PostAsync(new Uri("/dashboard/sign-in", UriKind.Relative), form);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return client;
    }

    public static async Task<(HttpStatusCode Status, string Body)> PageAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
