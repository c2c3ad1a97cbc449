global using Xunit;

namespace Linchpin.Cli.Tests;

/// <summary>Runs the command line in-process with captured output and its own Linchpin folder.</summary>
public sealed class CliRunner : IDisposable
{
    public CliRunner()
    {
        Home = Path.Combine(Path.GetTempPath(), "linchpin-cli-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Home);
    }

    public string Home { get; }

    public string File(string name) => Path.Combine(Home, name);

    public (int Exit, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = LinchpinCli.Run(args, new CliEnvironment(output, error, IsTerminal: false, Home));
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
