namespace AppLayer.Browser.Tests;

/// <summary>One seeded host and one browser for all the dashboard tests.</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public SeededHost Host { get; } = new();

    public Browser Browser { get; } = new();

    public async Task InitializeAsync()
    {
        await Host.InitializeAsync();
        await Browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Host.DisposeAsync();
    }
}
