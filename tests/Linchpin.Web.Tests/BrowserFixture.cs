using Microsoft.Playwright;

namespace Linchpin.Web.Tests;

/// <summary>
/// One real server (Kestrel on a free loopback port) and one headless Chromium for every browser
/// test. The browser is Debian's (/usr/bin/chromium, or PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH); no
/// browser is downloaded. Screenshots go to docs/screenshots of the source tree (to look at, not to
/// compare), or to the test output when the tests run outside it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private WebFactory? _factory;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser { get; private set; } = null!;

    public string Screenshots { get; } = ScreenshotFolder();

    /// <summary>A scratch folder of the test output (downloads).</summary>
    public string Downloads { get; } = Path.Combine(AppContext.BaseDirectory, "downloads");

    private static string ScreenshotFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Linchpin.slnx")))
            {
                return Path.Combine(folder.FullName, "docs", "screenshots");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "screenshots");
    }

    public async ValueTask InitializeAsync()
    {
        _factory = new WebFactory(new WebOptions { MaxConcurrentRuns = 1, QueueCapacity = 4, MaxThreadsPerRun = 2 });
        _factory.UseKestrel(0);
        _factory.StartServer();
        using (var client = _factory.CreateClient())
        {
            BaseAddress = client.BaseAddress!;
        }

        Directory.CreateDirectory(Screenshots);
        Directory.CreateDirectory(Downloads);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
