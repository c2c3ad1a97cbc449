using Linchpin.Scenarios;

namespace Linchpin.Reports;

/// <summary>The scenarios as <c>linchpin scenario list|show</c> gives them.</summary>
public static class ScenarioResults
{
    /// <summary>The built-in scenarios, one row each.</summary>
    public static TableResult List()
    {
        var rows = new ResultRows("name", "title", "start", "years", "allies", "transactional", "shocks");
        foreach (var name in BuiltInScenarios.Names)
        {
            var s = BuiltInScenarios.Load(name);
            rows.Add(s.Name, s.Title, s.StartYear, s.Years, s.NatoAllies ? "NATO allies" : string.Join(" ", s.Allies.Select(a => a.Iso3)), s.Doctrine.Transactional, s.Shocks.Count);
        }

        return new TableResult("Built-in scenarios", rows.Build(), null, ["scenario show NAME prints one; simulate --scenario NAME runs it"]);
    }

    /// <summary>One scenario: its name, title, description, start, years, the SHA-256, the sources and the text.</summary>
    public static TableResult Show(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var rows = new ResultRows("name", "title", "description", "start", "years", "sha256", "sources", "text");
        rows.Add(scenario.Name, scenario.Title, scenario.Description, scenario.StartYear, scenario.Years, scenario.Hash, string.Join(" | ", scenario.Sources ?? []), scenario.Text);
        return new TableResult(scenario.Name, rows.Build(), null, []);
    }

    /// <summary>The one line <c>linchpin scenario validate</c> prints for a valid scenario.</summary>
    public static string Valid(Scenario scenario, string file)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return $"{file}: valid scenario '{scenario.Name}' ({scenario.StartYear}+{scenario.Years} years, {scenario.Allies.Count} allies listed{(scenario.NatoAllies ? " plus NATO allies" : "")}, {scenario.Shocks.Count} shocks)";
    }
}
