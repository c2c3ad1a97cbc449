using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linchpin.Web.Api;

/// <summary>
/// Errors as RFC 7807 problem details: bad input 400 and data that cannot be had 422, with the
/// command line's message as the detail; a body too large 413; anything else 500 (a bug).
/// </summary>
internal static partial class Problems
{
    /// <summary>The problem for a Linchpin error; <c>line</c> is set when the message names one (<c>file:line: ...</c>).</summary>
    public static ProblemHttpResult From(LinchpinException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = OneLine(error.Message);
        var data = error.Kind == ErrorKind.Data;
        return TypedResults.Problem(
            detail: message,
            statusCode: data ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest,
            title: data ? "Data not available" : "Bad input",
            extensions: LineOf(message) is { } line ? new Dictionary<string, object?> { ["line"] = line } : null);
    }

    /// <summary>A bad-input problem with this message.</summary>
    public static ProblemHttpResult BadInput(string message) => From(new LinchpinException(message));

    /// <summary>A resource that does not exist.</summary>
    public static ProblemHttpResult NotFound(string message) =>
        TypedResults.Problem(detail: message, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>The server is at its limit; try again later.</summary>
    public static ProblemHttpResult Busy(string message) =>
        TypedResults.Problem(detail: message, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests");

    /// <summary>The line an error message names (<c>name:LINE: ...</c>), if any.</summary>
    public static int? LineOf(string message)
    {
        var match = LinePattern().Match(message);
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, out var line) ? line : null;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();

    [GeneratedRegex(@"^[^\s:]+:(\d+):")]
    private static partial Regex LinePattern();
}

/// <summary>Turns an exception that escaped an endpoint into problem details, never a stack trace.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var (status, title, detail) = exception switch
        {
            LinchpinException { Kind: ErrorKind.Data } e => (StatusCodes.Status422UnprocessableEntity, "Data not available", e.Message),
            LinchpinException e => (StatusCodes.Status400BadRequest, "Bad input", e.Message),
            BadHttpRequestException e => (e.StatusCode, "Bad request", e.Message),
            OperationCanceledException => (499, "Cancelled", "cancelled"),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", $"internal error ({exception.GetType().Name}): please report it"),
        };
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new()
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = status, Title = title, Detail = detail.ReplaceLineEndings(" ").Trim() },
            Exception = exception,
        }).ConfigureAwait(false);
    }
}
