using System.CommandLine;
using Linchpin.Cli.Commands;

namespace Linchpin.Cli;

/// <summary>
/// Composes the <c>linchpin</c> command. Exit codes: 0 success; 1 internal error (a bug: please
/// report it); 2 bad usage or bad input; 3 data error (data missing, out of coverage, unreadable).
/// </summary>
public static class LinchpinCli
{
    /// <summary>Builds the command tree.</summary>
    public static RootCommand Build(CliEnvironment environment)
    {
        var root = new RootCommand(
            "Linchpin: alliance systems from real data. Exit codes: 0 ok, 1 internal error, 2 bad input, 3 data error.");
        root.Options.Add(CommonOptions.Format);
        root.Options.Add(CommonOptions.Database);
        root.Subcommands.Add(DataCommand.Build(environment));
        root.Subcommands.Add(DyadsCommand.Build(environment));
        root.Subcommands.Add(GameCommand.Build(environment));
        root.Subcommands.Add(BurdenCommand.Build(environment));
        root.Subcommands.Add(CostShareCommand.Build(environment));
        root.Subcommands.Add(ReportCommand.Build(environment));
        root.Subcommands.Add(SimilarityCommand.Build(environment));
        root.Subcommands.Add(LandscapeCommand.Build(environment));
        root.Subcommands.Add(ScenarioCommand.Build(environment));
        root.Subcommands.Add(SimulateCommand.Build(environment));
        root.Subcommands.Add(BacktestCommand.Build(environment));
        root.Subcommands.Add(DurationCommand.Build(environment));
        root.Subcommands.Add(SensitivityCommand.Build(environment));
        root.Subcommands.Add(CalibrateCommand.Build(environment));
        root.Subcommands.Add(ServeCommand.Build(environment));
        root.Subcommands.Add(ClusterCommand.Build(environment));
        return root;
    }

    /// <summary>Parses and runs a command line; returns the exit code.</summary>
    public static int Run(string[] args, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var root = Build(environment);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            environment.Error.WriteLine($"linchpin: {ParseErrors.Describe(parsed, root)}");
            return 2;
        }

        var configuration = new InvocationConfiguration
        {
            Output = environment.Out,
            Error = environment.Error,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return parsed.Invoke(configuration);
        }
        catch (Exception ex)
        {
            return CommandBoundary.Report(ex, environment);
        }
    }
}
