using Linchpin.Web;

// Run on its own (dotnet run --project src/Linchpin.Web), the server takes --urls and --db like
// 'linchpin serve'; the tests start it through this entry point (WebApplicationFactory).
var urls = Option(args, "--urls");
var options = new WebOptions
{
    Urls = urls is null ? [WebOptions.DefaultUrl] : urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
    DatabasePath = Option(args, "--db"),
};
return await LinchpinWeb.RunAsync(options, Console.Out, Console.Error).ConfigureAwait(false);

static string? Option(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
