using System.CommandLine;
using Linchpin.Cli.Output;
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
            var rows = new Rows("name", "title", "start", "years", "allies", "transactional", "shocks");
            foreach (var name in BuiltInScenarios.Names)
            {
                var s = BuiltInScenarios.Load(name);
                rows.Add(s.Name, s.Title, s.StartYear, s.Years, s.NatoAllies ? "NATO allies" : string.Join(" ", s.Allies.Select(a => a.Iso3)), s.Doctrine.Transactional, s.Shocks.Count);
            }

            rows.Write(parsed.GetValue(CommonOptions.Format), environment, "Built-in scenarios", null, ["scenario show NAME prints one; simulate --scenario NAME runs it"]);
            return 0;
        }));
        var nameArgument = new Argument<string>("scenario") { Description = "A built-in scenario name or a YAML file" };
        var show = new Command("show", "Print a scenario (built-in name or file) with its sources");
        show.Arguments.Add(nameArgument);
        show.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var scenario = Load(parsed.GetValue(nameArgument)!, environment);
            if (parsed.GetValue(CommonOptions.Format) == OutputFormat.Table)
            {
                environment.Out.Write(scenario.Text);
                return 0;
            }

            var rows = new Rows("name", "title", "description", "start", "years", "sha256", "sources", "text");
            rows.Add(scenario.Name, scenario.Title, scenario.Description, scenario.StartYear, scenario.Years, scenario.Hash, string.Join(" | ", scenario.Sources ?? []), scenario.Text);
            rows.Write(parsed.GetValue(CommonOptions.Format), environment, scenario.Name, null, []);
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
            environment.Out.WriteLine($"{file}: valid scenario '{scenario.Name}' ({scenario.StartYear}+{scenario.Years} years, {scenario.Allies.Count} allies listed{(scenario.NatoAllies ? " plus NATO allies" : "")}, {scenario.Shocks.Count} shocks)");
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
