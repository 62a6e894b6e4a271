using Microsoft.Playwright;

namespace Concierge.Console.Tests;

/// <summary>
/// Debian's chromium driven by Playwright (no browser download: the executable is given), one per test run and a new
/// context (a fresh profile) per test. Without /usr/bin/chromium the tests fail saying how to get it: ./test.sh
/// installs it.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly List<IBrowserContext> _contexts = [];
    private IPlaywright? _playwright;

    /// <summary>Closes the profiles the last test opened (also when it failed half-way, so no page keeps a stream open).</summary>
    public async Task CloseContexts()
    {
        IBrowserContext[] open;
        lock (_contexts)
        {
            open = [.. _contexts];
            _contexts.Clear();
        }
        foreach (var context in open) await context.CloseAsync();
    }

    public IBrowser Chrome { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            Assert.Fail($"{Chromium} is missing: run the tests with ./test.sh, which installs Debian's chromium (or `apt-get install -y --no-install-recommends chromium`)");
        _playwright = await Playwright.CreateAsync();
        Chrome = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh browser profile with one page at <paramref name="address"/>, sized like a switchboard screen.</summary>
    public async Task<IPage> Open(Uri address)
    {
        var context = await Chrome.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(),
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(10_000);
        lock (_contexts) _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Chrome is not null) await Chrome.DisposeAsync();
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Browser>
{
    public const string Name = "browser";
}
