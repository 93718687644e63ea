using Microsoft.Playwright;

namespace AppLayer.Browser.Tests;

/// <summary>Runs a browser test in a fresh context; when it fails, saves a screenshot under artifacts/test-results/screenshots.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "test-results", "screenshots");

    public static async Task RunAsync(this DashboardFixture fixture, string testName, Func<IPage, Task> test)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(test);
        await using var context = await fixture.Browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Host.BaseAddress.AbsoluteUri,
            AcceptDownloads = true,
            Locale = "cs-CZ",
        });
        var page = await context.NewPageAsync();
        // A bound for a page that never answers, not a speed check: a busy 2-core machine took more than 15 s for one load.
        page.SetDefaultTimeout(45_000);
        try
        {
            await test(page);
        }
        catch
        {
            Directory.CreateDirectory(Folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, testName + ".png"), FullPage = true });
            throw;
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AppLayer.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
