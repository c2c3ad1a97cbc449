using System.Diagnostics;

namespace Linchpin.Cli.Tests;

/// <summary>
/// Runs the built <c>linchpin</c> command as its own process, with its home folder and Linchpin
/// folder pointed at the given folder: for what only a process shows (the exit code of a
/// crash, files a library writes under <c>$HOME</c>).
/// </summary>
internal static class CliProcess
{
    public static (int Exit, string Out, string Error) Run(string home, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = home,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Linchpin.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HOME"] = home;
        start.Environment["LINCHPIN_HOME"] = Path.Combine(home, "linchpin");
        start.Environment["XDG_DATA_HOME"] = Path.Combine(home, "share");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
