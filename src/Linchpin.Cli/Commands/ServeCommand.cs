using System.CommandLine;
using Linchpin.Web;

namespace Linchpin.Cli.Commands;

/// <summary><c>linchpin serve [--urls http://127.0.0.1:5150] [--db PATH]</c>: the dashboard and REST API in one process.</summary>
internal static class ServeCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, separated by ';' (default: loopback only; any other address prints a warning)",
            DefaultValueFactory = _ => WebOptions.DefaultUrl,
        };
        var command = new Command("serve", "Serve the dashboard (Atlas, Burden, Cost sharing, Scenario lab, Games) and the REST API under /api/v1 (OpenAPI at /openapi/v1.json); Ctrl-C stops it");
        command.Options.Add(urls);
        command.SetAction((parsed, cancellation) =>
        {
            var options = new WebOptions
            {
                Urls = [.. parsed.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                DatabasePath = parsed.GetValue(CommonOptions.Database),
                HomeFolder = environment.HomeFolder,
            };
            try
            {
                // Each request chooses its own format (format=json|csv|parquet).
                CommonOptions.RefuseUnused(parsed, CommonOptions.Format, false, "to commands that print, not to the server");
                if (options.Urls.Count == 0 || options.Urls.Any(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp))
                {
                    throw new LinchpinException($"--urls: '{parsed.GetValue(urls)}' is not a list of http:// addresses");
                }
            }
            catch (LinchpinException error)
            {
                environment.Error.WriteLine($"linchpin: {error.Message}");
                return Task.FromResult(2);
            }

            return LinchpinWeb.RunAsync(options, environment.Out, environment.Error, cancellation);
        });
        return command;
    }
}
