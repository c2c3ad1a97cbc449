using System.Reflection;
using Linchpin.Scenarios;
using Linchpin.Simulation;
using Linchpin.Validation;

namespace Linchpin.Tests.Validation;

/// <summary>The registry covers exactly the scenario file's parameters, and reads and sets each one.</summary>
public class ParameterRegistryTests
{
    [Fact]
    public void Every_scenario_parameter_is_registered_and_a_value_set_in_a_scenario_reads_back()
    {
        var fields = (Array)typeof(ScenarioFile).GetField("ParameterFields", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        var names = fields.Cast<object>().Select(f => (string)f.GetType().GetField("Item1")!.GetValue(f)!).ToList();
        Assert.Equal(names.Order(), ParameterRegistry.All.Select(p => p.Name).Order());
        foreach (var p in ParameterRegistry.All)
        {
            var value = p.Lower + (0.37 * (p.Upper - p.Lower));
            var text = $"name: x\nstart: 2019\nyears: 3\npatron: {{iso3: USA}}\nallies:\n  - {{iso3: KOR}}\ndoctrine: {{transactional: 0.5}}\nparameters: {{{p.Name}: {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}\n";
            var parsed = ScenarioFile.Parse(text, "x.yaml").Parameters;
            Assert.Equal(value, p.Read(parsed), 12);
            Assert.Equal(parsed, p.Write(new SimulationParameters(), value));
        }
    }

    [Fact]
    public void Every_prior_is_ordered_and_holds_the_default_value_for_fitted_and_data_parameters()
    {
        var defaults = new SimulationParameters();
        foreach (var p in ParameterRegistry.All)
        {
            Assert.True(p.Lower < p.Upper, p.Name);
            Assert.False(string.IsNullOrWhiteSpace(p.Source), p.Name);
            Assert.InRange(p.Read(defaults), p.Lower, p.Upper);
        }
    }
}
