namespace Linchpin.Cli;

/// <summary>Where errors become one line on standard error and an exit code, never a stack trace.</summary>
internal static class CommandBoundary
{
    /// <summary>Runs a command body and turns its errors into an exit code.</summary>
    public static int Run(CliEnvironment environment, Func<int> body)
    {
        try
        {
            var exit = body();

            // Work that finished despite an interrupt wrote whole files, but the user asked to stop.
            environment.Cancellation.ThrowIfCancellationRequested();
            return exit;
        }
        catch (Exception ex)
        {
            return Report(ex, environment);
        }
    }

    /// <summary>Prints one line for an error and returns its exit code.</summary>
    public static int Report(Exception ex, CliEnvironment environment)
    {
        switch (ex)
        {
            case LinchpinException known:
                environment.Error.WriteLine($"linchpin: {OneLine(known.Message)}");
                return (int)known.Kind;
            case OperationCanceledException:
                environment.Error.WriteLine("linchpin: cancelled");
                return 130;
            default:
                environment.Error.WriteLine($"linchpin: internal error ({ex.GetType().Name}): {OneLine(ex.Message)}");
                return 1;
        }
    }

    private static string OneLine(string message) =>
        message.ReplaceLineEndings(" ").Trim();
}
