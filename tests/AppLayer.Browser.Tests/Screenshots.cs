using Microsoft.Playwright;

namespace AppLayer.Browser.Tests;

/// <summary>Runs a browser test in a fresh context; when it fails, saves a screenshot under artifacts/test-results/screenshots.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "test-results", "screenshots");

    /// <summary>Where every page's screenshot of a run is kept (artifacts/screenshots/{name}.png), failing or not.</summary>
    public static string PagesFolder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    /// <summary>Keeps a full-page screenshot of the page as it is now, at the 1,400-pixel width managers read it at.</summary>
    public static async Task KeepAsync(this IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(PagesFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PagesFolder, name + ".png"), FullPage = true });
    }

    public static async Task RunAsync(this DashboardFixture fixture, string testName, Func<IPage, Task> test)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(test);
        await using var context = await fixture.Browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Host.BaseAddress.AbsoluteUri,
            AcceptDownloads = true,
            Locale = "cs-CZ",
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
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
