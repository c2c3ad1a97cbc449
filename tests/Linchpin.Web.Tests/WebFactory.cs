using Linchpin.Cli;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Linchpin.Web.Tests;

/// <summary>The server with chosen options, in memory (or on a real Kestrel port for the browser).</summary>
public class WebFactory(WebOptions options) : WebApplicationFactory<WebOptions>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureServices(services => services.AddSingleton(options with { HomeFolder = Path.Combine(Path.GetTempPath(), "linchpin-web-tests-home") }));
    }
}

/// <summary>The server as the API tests share it.</summary>
public sealed class ApiFactory() : WebFactory(new WebOptions { MaxConcurrentRuns = 2, QueueCapacity = 8, MaxThreadsPerRun = 2 });

/// <summary>Runs the <c>linchpin</c> command in this process and keeps what it printed.</summary>
public static class Cli
{
    public static (int Exit, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exit = LinchpinCli.Run(args, new CliEnvironment(output, error, false, Path.Combine(Path.GetTempPath(), "linchpin-web-tests-home")));
        return (exit, output.ToString(), error.ToString());
    }
}
