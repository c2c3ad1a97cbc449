using Linchpin.Scenarios;
using Linchpin.Simulation;

namespace Linchpin.Tests.Scenarios;

/// <summary>Every built-in scenario names the documents its events and figures come from, and its actors resolve.</summary>
public class ScenarioSourcesTests
{
    [Theory]
    [MemberData(nameof(Names))]
    public void A_built_in_scenario_lists_its_sources(string name)
    {
        var scenario = BuiltInScenarios.Load(name);
        Assert.NotNull(scenario.Sources);
        Assert.NotEmpty(scenario.Sources);
        Assert.All(scenario.Sources, s => Assert.False(string.IsNullOrWhiteSpace(s)));
    }

    [Fact]
    public void The_Esper_scenario_presses_the_three_demands_of_August_2019_together_on_Korea()
    {
        var scenario = BuiltInScenarios.Load("esper-2019");
        Assert.Equal(["hormuz", "inf-missiles", "gsomia"], scenario.Demands!.Select(d => d.Id));
        Assert.All(scenario.Demands!, d => Assert.Equal(("KOR", 2020), (d.Ally, d.Year)));
        Assert.Equal([DemandKind.Coalition, DemandKind.MissileBasing, DemandKind.IntelligenceSharing], scenario.Demands!.Select(d => d.Kind));
        Assert.Equal("JPN", scenario.Demands![2].Partner);
        Assert.Equal("China", scenario.Demands![1].Rival);
    }

    public static TheoryData<string> Names() => [.. BuiltInScenarios.Names];
}
