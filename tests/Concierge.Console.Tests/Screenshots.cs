using Microsoft.Playwright;

namespace Concierge.Console.Tests;

/// <summary>Screenshots of each step into test-results/console/ at the repository's top (gitignored), named test-step.png.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(ConsoleServer.Repository, "test-results", "console");

    public static async Task Take(IPage page, string test, int step, string what)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, $"{test}-{step:00}-{what}.png"), FullPage = true });
    }
}
