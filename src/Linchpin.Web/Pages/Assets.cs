using System.Reflection;
using System.Security.Cryptography;

namespace Linchpin.Web.Pages;

/// <summary>The pages' scripts and style sheet, served from the assembly's embedded resources: nothing is read from the disk or fetched from elsewhere.</summary>
internal static class Assets
{
    private const string Prefix = "Linchpin.Web.Assets.";
    private const string ExamplePrefix = "Linchpin.Web.Examples.";

    private static readonly Lazy<IReadOnlyDictionary<string, (byte[] Body, string Type, string ETag)>> Files = new(() => Load(Prefix));

    /// <summary>The example game inputs of the documentation, by file name.</summary>
    public static IReadOnlyDictionary<string, string> Examples { get; } =
        Load(ExamplePrefix).ToDictionary(e => e.Key, e => System.Text.Encoding.UTF8.GetString(e.Value.Body), StringComparer.Ordinal);

    /// <summary>The version tag of an asset, for cache-busting links.</summary>
    public static string Tag(string name) => Files.Value.TryGetValue(name, out var file) ? file.ETag.Trim('"')[..8] : "0";

    public static IEndpointRouteBuilder MapAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/{name}", (HttpContext context, string name) =>
        {
            if (!Files.Value.TryGetValue(name, out var file))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=3600";
            context.Response.Headers.ETag = file.ETag;
            if (context.Request.Headers.IfNoneMatch == file.ETag)
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            return Results.Bytes(file.Body, file.Type);
        }).ExcludeFromDescription();
        return app;
    }

    private static Dictionary<string, (byte[] Body, string Type, string ETag)> Load(string prefix)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var files = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var body = copy.ToArray();
            var name = resource[prefix.Length..];
            var type = Path.GetExtension(name) switch
            {
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                ".svg" => "image/svg+xml",
                ".json" => "application/json; charset=utf-8",
                _ => "text/plain; charset=utf-8",
            };
            files[name] = (body, type, "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..16] + "\"");
        }

        return files;
    }
}
