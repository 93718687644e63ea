namespace AppLayer.Host;

/// <summary>
/// Runs the host on its own (<c>dotnet AppLayer.Host.dll --AppLayer:DataDirectory=DIR --urls=URL</c>);
/// tests boot the same app through <c>WebApplicationFactory&lt;Program&gt;</c>.
/// </summary>
public sealed class Program
{
    private Program()
    {
    }

    public static async Task Main(string[] args)
    {
        await using var app = AppLayerHost.BuildApp(new AppLayerHostOptions { Urls = null }, args);
        await app.RunAsync();
    }
}
