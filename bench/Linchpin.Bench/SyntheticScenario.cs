using Linchpin.Simulation;

namespace Linchpin.Bench;

/// <summary>
/// The synthetic NATO-sized scenario the engine benchmarks share: 30 allies over three theatres,
/// a doctrine change, a scheduled invasion and a recurring missile test, default parameters.
/// </summary>
internal static class SyntheticScenario
{
    /// <param name="random">The draws of the allies' GDP and spending (benchmarks go on drawing from it).</param>
    public static SimulationSetup ThirtyAllies(Random random)
    {
        string[] theatres = ["east", "west", "south"];
        var allies = Enumerable.Range(0, 30).Select(i => new AllySetup($"A{i:00}", $"Ally {i}", 50 + (4000 * random.NextDouble()), 0.5 + (2 * random.NextDouble()),
            0.015, theatres[i % 3], 0.8, 10, i % 5 == 0 ? 30 : 0, 65, 0.3)).ToList();
        return new SimulationSetup("bench", 2014, 10, new PatronSetup("USA", 18_000, 3.5, 0.02, 0.3), allies,
            new Doctrine(0.2, 2, true, [new DoctrineChange(2017, 0.8)]),
            [new ShockSetup(ShockKind.Invasion, 2022, 0, ["east"], 0.5, 2, 0.2, "invasion"),
             new ShockSetup(ShockKind.MissileTest, null, 0.3, ["south"], 0.1, 0, 0.05, "test")],
            new SimulationParameters());
    }
}
