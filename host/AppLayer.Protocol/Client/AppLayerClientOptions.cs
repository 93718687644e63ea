using System.Net.Http.Headers;

namespace AppLayer.Protocol.Client;

/// <summary>How an <see cref="AppLayerClient"/> presents itself and how long it waits for the host.</summary>
public sealed record AppLayerClientOptions
{
    /// <summary>How long one request may take before the host counts as unreachable.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The <c>User-Agent</c> product, if any.</summary>
    public ProductInfoHeaderValue? Product { get; init; }

    /// <summary>The person the host records as the actor (<c>X-AppLayer-User</c>), if any.</summary>
    public string? User { get; init; }

    /// <summary>A person at the <c>applayer</c> command: five minutes, the CLI's user agent and the login name.</summary>
    public static AppLayerClientOptions ForPerson() => new()
    {
        Product = new ProductInfoHeaderValue("applayer-cli", "0.1"),
        User = Environment.UserName,
    };

    /// <summary>A site agent: its own timeout, no person behind it.</summary>
    public static AppLayerClientOptions ForSite(TimeSpan timeout) => new() { Timeout = timeout };
}
