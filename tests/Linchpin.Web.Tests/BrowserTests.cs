using Microsoft.Playwright;

namespace Linchpin.Web.Tests;

/// <summary>Every page in a real browser against a real server: it loads, reacts, draws, downloads, and asks nothing of any other host.</summary>
[Collection(BrowserGroup.Name)]
public sealed class BrowserTests(BrowserFixture fixture)
{
    private const float Timeout = 30_000;

    private async Task<(IBrowserContext Context, IPage Page, List<string> Elsewhere, List<string> Errors)> Open(string path)
    {
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.BaseAddress.ToString(), ViewportSize = new() { Width = 1360, Height = 900 }, AcceptDownloads = true });
        context.SetDefaultTimeout(Timeout);
        var elsewhere = new List<string>();
        var errors = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "http" or "https" && url.Authority != fixture.BaseAddress.Authority)
            {
                elsewhere.Add(route.Request.Url);
                await route.AbortAsync();
                return;
            }

            await route.ContinueAsync();
        });
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            // A problem answer (400) to a bad input is what the page expects and shows; anything else is an error.
            if (message.Type == "error" && !message.Text.Contains("status of 400", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        await page.GotoAsync(path);
        return (context, page, elsewhere, errors);
    }

    private async Task Shot(IPage page, string name) => await page.ScreenshotAsync(new() { Path = Path.Combine(fixture.Screenshots, name + ".png"), FullPage = true });

    private static Task<System.Text.Json.JsonElement?> MoveSlider(IPage page, int year) => page.Locator("#year").EvaluateAsync(
        "(slider, year) => { slider.value = String(year); slider.dispatchEvent(new Event('input')); slider.dispatchEvent(new Event('change')); }", year);

    [Fact]
    public async Task Atlas_draws_the_network_moves_with_the_year_and_shows_a_state()
    {
        var (context, page, elsewhere, errors) = await Open("/");
        await using var _ = context;
        var network = page.Locator("#network svg[data-year='2018']");
        await network.WaitForAsync();
        var edges2018 = int.Parse(await network.GetAttributeAsync("data-edges") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

        // 1935: the Locarno guarantees (the UK and Italy pledged to Belgium, France and Germany, not they to them).
        await MoveSlider(page, 1935);
        var network1935 = page.Locator("#network svg[data-year='1935']");
        await network1935.WaitForAsync();
        var edges1935 = int.Parse(await network1935.GetAttributeAsync("data-edges") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var arrows1935 = await page.Locator("#network .edge.one-sided").CountAsync();
        await MoveSlider(page, 1950);
        await page.Locator("#network svg[data-year='1950']").WaitForAsync();
        // Small states overlap in a dense year: dispatch the click to the node itself.
        await page.Locator("#network g.node[data-ccode='732']").DispatchEventAsync("click");
        await page.Locator("#state-name").WaitForAsync();
        await page.Locator("#similarity svg polyline").First.WaitForAsync();
        await Shot(page, "atlas");

        Assert.True(edges2018 > 100, $"{edges2018} allied pairs in 2018");
        Assert.InRange(edges1935, 1, edges2018 - 1);
        Assert.Equal("1950", await page.Locator("#year-label").TextContentAsync());
        Assert.Contains("Korea", await page.Locator("#state-name").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(arrows1935 > 0, "one-sided pledges are drawn as arrows");
        Assert.Empty(elsewhere);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Burden_draws_the_members_against_the_targets_and_downloads_the_data()
    {
        var (context, page, elsewhere, errors) = await Open("/burden");
        await using var _ = context;
        await page.Locator("#members svg rect.bar").Nth(20).WaitForAsync();
        await page.Locator("#trend svg polyline.series").First.WaitForAsync();
        await page.Locator("#test svg circle").First.WaitForAsync();
        await page.Locator("#shares svg rect.bar").First.WaitForAsync();
        await Shot(page, "burden");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#members [data-download='csv']").ClickAsync());
        var file = Path.Combine(fixture.Downloads, download.SuggestedFilename);
        await download.SaveAsAsync(file);
        var lines = await File.ReadAllLinesAsync(file, TestContext.Current.CancellationToken);

        Assert.Equal("nato-burden-2024.csv", download.SuggestedFilename);
        Assert.StartsWith("iso3,country,year,pct_gdp", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length > 30, $"{lines.Length} lines");
        Assert.Equal(3, await page.Locator("#members svg line.target").CountAsync());
        Assert.Empty(elsewhere);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Cost_sharing_shows_the_ledger_and_the_events()
    {
        var (context, page, elsewhere, errors) = await Open("/costshare");
        await using var _ = context;
        await page.Locator("#ledger svg rect.bar").First.WaitForAsync();
        await page.Locator("#events svg circle.event").First.WaitForAsync();
        await Shot(page, "costshare");

        await page.Locator("#host").SelectOptionAsync("JPN");
        await page.Locator("#ledger-title", new() { HasText = "JPN" }).WaitForAsync();

        Assert.True(await page.Locator("#ledger svg rect.bar").CountAsync() > 5);
        Assert.Empty(elsewhere);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Scenario_lab_shows_an_error_at_its_line_then_runs_an_ensemble_with_progress()
    {
        var (context, page, elsewhere, errors) = await Open("/lab");
        await using var _ = context;
        var yaml = page.Locator("#yaml");
        await page.Locator("#validation", new() { HasText = "valid scenario" }).WaitForAsync();
        var text = await yaml.InputValueAsync();
        var line = text.Split('\n').ToList().FindIndex(l => l.StartsWith("years:", StringComparison.Ordinal)) + 1;

        await yaml.FillAsync(text.Replace("years: 6", "years: many", StringComparison.Ordinal));
        await page.Locator("#validation.error").WaitForAsync();
        var message = await page.Locator("#validation").TextContentAsync();
        var marked = await page.Locator("#gutter .bad").GetAttributeAsync("data-line");
        await Shot(page, "lab-error");

        await yaml.FillAsync(text);
        await page.Locator("#validation", new() { HasText = "valid scenario" }).WaitForAsync();
        await page.Locator("#runs").FillAsync("3000");
        await page.Locator("#run").ClickAsync();
        await page.Locator("#progress-box:not([hidden])").WaitForAsync();
        await page.Locator("#runs-view .run .fan svg polyline.series").First.WaitForAsync(new() { Timeout = 90_000 });
        var progress = await page.Locator("#progress").EvaluateAsync<double>("p => p.value");
        await Shot(page, "lab");

        Assert.StartsWith($"line {line}: scenario.yaml:{line}: field 'years'", message, StringComparison.Ordinal);
        Assert.Equal(line.ToString(System.Globalization.CultureInfo.InvariantCulture), marked);
        Assert.Equal(1.0, progress);
        Assert.Contains("done: 3000 of 3000", await page.Locator("#progress-text").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#runs-view .run table.data tbody tr").CountAsync() >= 2);
        Assert.Empty(elsewhere);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Games_solves_the_example_input()
    {
        var (context, page, elsewhere, errors) = await Open("/games");
        await using var _ = context;
        await page.Locator("#result table.data").First.WaitForAsync();
        await page.Locator("#game").SelectOptionAsync("nash");
        await page.Locator("#json", new() { HasText = "surplus" }).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Shot(page, "games");

        Assert.Contains("\"share1\"", await page.Locator("#json").TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(elsewhere);
        Assert.Empty(errors);
    }
}
