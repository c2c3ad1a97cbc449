using Linchpin.Web.Api;
using Linchpin.Web.Pages;
using Linchpin.Web.Runs;
using Microsoft.AspNetCore.Http.Json;

namespace Linchpin.Web;

/// <summary>The dashboard and REST API of <c>linchpin serve</c>: one process, the embedded store, loopback by default.</summary>
public static class LinchpinWeb
{
    /// <summary>Builds the application (not started).</summary>
    public static WebApplication Build(WebOptions options, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args ?? [], ApplicationName = typeof(LinchpinWeb).Assembly.GetName().Name });
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 << 10;
            kestrel.Limits.MaxConcurrentConnections = 1000;
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<StoreGate>();
        builder.Services.AddSingleton<ResponseCache>();
        builder.Services.AddSingleton<DyadFrames>();
        builder.Services.AddSingleton<RunQueue>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RunQueue>());
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Linchpin API";
            document.Info.Version = "v1";
            document.Info.Description = "Alliance-system data, models and simulations from the Linchpin library. Errors are RFC 7807 problem details with the linchpin command's messages.";
            return Task.CompletedTask;
        }));
        var app = builder.Build();

        // The options the services hold (a host may have replaced them, as the tests do).
        options = app.Services.GetRequiredService<WebOptions>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            await next(context).ConfigureAwait(false);
        });
        app.MapOpenApi("/openapi/{documentName}.json");
        var api = app.MapGroup("/api/v1");
        api.MapDatasets(options).MapDyads(options).MapBurden().MapCostShare().MapAtlas().MapScenarios(options).MapGames(options).MapLandscape(options).MapRuns(options);
        app.MapAssets();
        app.MapPages();
        return app;
    }

    /// <summary>
    /// Serves until Ctrl-C (or SIGTERM, or <paramref name="stop"/>): prints the address, warns when an address is reachable
    /// from other machines, and stops cleanly. Returns the exit code.
    /// </summary>
    public static async Task<int> RunAsync(WebOptions options, TextWriter output, TextWriter error, CancellationToken stop = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        foreach (var url in options.Urls.Where(u => !WebOptions.IsLoopback(u)))
        {
            await error.WriteLineAsync($"warning: {url} is reachable from other machines; the dashboard has no log-in").ConfigureAwait(false);
        }

        await using var app = Build(options);
        try
        {
            await app.StartAsync(stop).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await error.WriteLineAsync($"linchpin: cannot listen on {string.Join(", ", options.Urls)}: {ex.Message}").ConfigureAwait(false);
            return 2;
        }

        await output.WriteLineAsync($"Linchpin dashboard and API on {string.Join(", ", app.Urls.Count > 0 ? app.Urls : options.Urls)} (OpenAPI at /openapi/v1.json); Ctrl-C stops it").ConfigureAwait(false);
        await app.WaitForShutdownAsync(stop).ConfigureAwait(false);
        await output.WriteLineAsync("stopped").ConfigureAwait(false);
        return 0;
    }
}
