using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Data;
using Linchpin.Reports;
using Linchpin.Scenarios;

namespace Linchpin.Cli.Commands;

/// <summary><c>linchpin scenario list|show|validate</c>: the simulation's scenarios.</summary>
internal static class ScenarioCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var command = new Command("scenario", "Simulation scenarios: the built-in ones, and checking your own YAML files");
        var list = new Command("list", "The built-in scenarios");
        list.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            Rows.Write(ScenarioResults.List(), parsed.GetValue(CommonOptions.Format), environment);
            return 0;
        }));
        var nameArgument = new Argument<string>("scenario") { Description = "A built-in scenario name or a YAML file" };
        var show = new Command("show", "Print a scenario (built-in name or file)");
        show.Arguments.Add(nameArgument);
        show.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var scenario = Load(parsed.GetValue(nameArgument)!, environment);
            if (parsed.GetValue(CommonOptions.Format) == OutputFormat.Table)
            {
                environment.Out.Write(scenario.Text);
                return 0;
            }

            Rows.Write(ScenarioResults.Show(scenario), parsed.GetValue(CommonOptions.Format), environment);
            return 0;
        }));
        var fileArgument = new Argument<string>("file") { Description = "The scenario file (YAML or JSON)" };
        var validate = new Command("validate", "Check a scenario file; errors name the file, line and field (exit code 2)");
        validate.Arguments.Add(fileArgument);
        validate.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var file = parsed.GetValue(fileArgument)!;
            var scenario = ScenarioFile.Parse(ReadFile(file), file);
            Warn(scenario, environment);

            // Resolving against the data finds what simulate would refuse: unknown countries, missing figures, shocks that touch no ally.
            using var store = CommonOptions.OpenStore(parsed, environment);
            var (setup, notes) = ScenarioWorld.Resolve(store, scenario);
            var format = parsed.GetValue(CommonOptions.Format);
            if (format == OutputFormat.Table)
            {
                environment.Out.WriteLine($"{file}: valid scenario '{scenario.Name}' ({scenario.StartYear}+{scenario.Years} years, {setup.Allies.Count} allies, {scenario.Shocks.Count} shocks)");
                return 0;
            }

            var rows = new Rows("file", "name", "start", "years", "allies", "shocks", "valid");
            rows.Add(file, scenario.Name, scenario.StartYear, scenario.Years, setup.Allies.Count, scenario.Shocks.Count, true);
            rows.Write(format, environment, scenario.Name, null, notes);
            return 0;
        }));
        command.Subcommands.Add(list);
        command.Subcommands.Add(show);
        command.Subcommands.Add(validate);
        return command;
    }

    /// <summary>A built-in scenario by name, or a scenario file; its warnings go to standard error.</summary>
    public static Scenario Load(string nameOrFile, CliEnvironment environment)
    {
        var scenario = File.Exists(nameOrFile) ? ScenarioFile.Parse(ReadFile(nameOrFile), nameOrFile) : BuiltInScenarios.Load(nameOrFile);
        Warn(scenario, environment);
        return scenario;
    }

    private static void Warn(Scenario scenario, CliEnvironment environment)
    {
        foreach (var warning in scenario.Warnings ?? [])
        {
            environment.Error.WriteLine($"warning: {warning}");
        }
    }

    private static string ReadFile(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LinchpinException($"{file}: cannot read: {ex.Message}", ex);
        }
    }
}
