using System.Net;

namespace Linchpin.Web.Tests;

/// <summary><c>linchpin serve</c>: loopback by default, a warning for any other address, bad addresses refused, a clean stop.</summary>
// One collection with the browser tests: a factory finds its host among every host the process builds, so none start side by side.
[Collection(BrowserGroup.Name)]
public sealed class ServeTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5150", true)]
    [InlineData("http://localhost:5150", true)]
    [InlineData("http://[::1]:5150", true)]
    [InlineData("http://127.8.9.10:80", true)]
    [InlineData("http://0.0.0.0:5150", false)]
    [InlineData("http://*:5150", false)]
    [InlineData("http://+:5150", false)]
    [InlineData("http://192.168.1.20:5150", false)]
    [InlineData("http://example.org:5150", false)]
    public void Only_addresses_on_this_machine_are_loopback(string url, bool loopback) => Assert.Equal(loopback, WebOptions.IsLoopback(url));

    [Fact]
    public void The_default_address_is_loopback() => Assert.True(WebOptions.IsLoopback(WebOptions.DefaultUrl));

    [Theory]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("127.0.0.1:5150")]
    [InlineData(";")]
    public void An_address_that_is_not_http_is_refused_with_exit_2(string urls)
    {
        var (exit, _, error) = Cli.Run("serve", "--urls", urls);

        Assert.Equal(2, exit);
        Assert.Equal($"linchpin: --urls: '{urls}' is not a list of http:// addresses", error.Trim());
    }

    [Fact]
    public void A_format_option_is_refused_as_doing_nothing()
    {
        var (exit, _, error) = Cli.Run("serve", "--format", "json");

        Assert.Equal(2, exit);
        Assert.StartsWith("linchpin: --format: would have no effect", error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_prints_its_address_answers_and_stops_cleanly_when_asked()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var serving = LinchpinWeb.RunAsync(new WebOptions { Urls = ["http://127.0.0.1:0"] }, output, error, stop.Token);
        var address = await AddressPrinted(output);
        using var client = new HttpClient { BaseAddress = address };
        using var page = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        await stop.CancelAsync();
        var exit = await serving.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(0, exit);
        Assert.EndsWith("stopped", output.ToString().Trim(), StringComparison.Ordinal);
        Assert.Equal("", error.ToString());
        Assert.True(address.IsLoopback, address.ToString());
    }

    private static async Task<Uri> AddressPrinted(StringWriter output)
    {
        for (var i = 0; i < 300; i++)
        {
            var text = output.ToString();
            var start = text.IndexOf("http://", StringComparison.Ordinal);
            if (start >= 0 && text.IndexOf(' ', start) is var end and > 0)
            {
                return new Uri(text[start..end]);
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("the server printed no address");
    }
}
