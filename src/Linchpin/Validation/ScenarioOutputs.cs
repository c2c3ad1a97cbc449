using Linchpin.Simulation;

namespace Linchpin.Validation;

/// <summary>A scalar summary of a scenario's runs that sensitivity analysis and calibration can study.</summary>
/// <param name="Name">Its name on the command line.</param>
/// <param name="Description">What it measures, in words.</param>
/// <param name="NeedsCostSharing">Whether it is defined only for scenarios with a cost-sharing agreement.</param>
public sealed record ScenarioOutput(string Name, string Description, bool NeedsCostSharing);

/// <summary>
/// The headline outputs of a scenario, each a function of a set of runs: per run a value, then the
/// mean over runs (a probability or a level) or the median (the settlement).
/// </summary>
public static class ScenarioOutputs
{
    /// <summary>Every output, in a fixed order.</summary>
    public static IReadOnlyList<ScenarioOutput> All { get; } =
    [
        new("pct_gdp", "mean over allies of defence spending, % of GDP, in the horizon year (mean over runs)", false),
        new("p_breakdown", "share of runs in which cost-sharing talks lapse at least once, over allies with an agreement", true),
        new("settlement", "median over runs of the first settled payment of the first ally with an agreement (a run without one counts the payment in force at the horizon)", true),
        new("p_hedging", "share of ally-runs in which the ally hedges", false),
    ];

    /// <summary>The outputs called <paramref name="names"/> (every output the setup supports when empty).</summary>
    /// <exception cref="LinchpinException">An unknown name, or an output the setup does not support.</exception>
    public static IReadOnlyList<ScenarioOutput> Choose(SimulationSetup setup, IReadOnlyList<string> names, string field = "--outputs")
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(names);
        var hasDeal = setup.Allies.Any(a => a.CostSharing is not null);
        if (names.Count == 0)
        {
            return [.. All.Where(o => hasDeal || !o.NeedsCostSharing)];
        }

        return [.. names.Select(n =>
        {
            var output = All.FirstOrDefault(o => o.Name == n)
                ?? throw new LinchpinException($"{field}: '{n}' is not an output (one of {string.Join(", ", All.Select(o => o.Name))})");
            return output.NeedsCostSharing && !hasDeal
                ? throw new LinchpinException($"{field}: '{n}' needs an ally with a cost-sharing agreement, and {setup.Name} has none")
                : output;
        })];
    }

    /// <summary>One run's value of <paramref name="output"/>.</summary>
    public static double Of(ScenarioOutput output, SimulationSetup setup, RunBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(buffer);
        var n = setup.Allies.Count;
        switch (output.Name)
        {
            case "pct_gdp":
            {
                var sum = 0.0;
                for (var i = 0; i < n; i++)
                {
                    sum += buffer.Value(setup.Years, i, TrajectoryVariable.PctGdp);
                }

                return sum / n;
            }

            case "p_breakdown":
            {
                var (lapsed, deals) = (0, 0);
                for (var i = 0; i < n; i++)
                {
                    if (setup.Allies[i].CostSharing is not null)
                    {
                        deals++;
                        lapsed += buffer.Lapsed[i] ? 1 : 0;
                    }
                }

                return (double)lapsed / deals;
            }

            case "settlement":
            {
                var i = FirstDeal(setup);
                return buffer.Settled[i] ? buffer.FirstSettlement[i] : buffer.Value(setup.Years, i, TrajectoryVariable.Payment);
            }

            case "p_hedging":
            {
                var hedged = 0;
                for (var i = 0; i < n; i++)
                {
                    hedged += buffer.Hedged[i] ? 1 : 0;
                }

                return (double)hedged / n;
            }

            default:
                throw new ArgumentException($"unknown output '{output.Name}'", nameof(output));
        }
    }

    /// <summary>Combines the per-run values of an output over runs: the median for the settlement, else the mean.</summary>
    public static double Combine(ScenarioOutput output, double[] values)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(values);
        if (output.Name != "settlement")
        {
            return values.Average();
        }

        var sorted = values.Order().ToArray();
        return EnsembleResult.Quantile(sorted, 0.5);
    }

    private static int FirstDeal(SimulationSetup setup)
    {
        for (var i = 0; i < setup.Allies.Count; i++)
        {
            if (setup.Allies[i].CostSharing is not null)
            {
                return i;
            }
        }

        throw new ArgumentException($"{setup.Name} has no cost-sharing agreement", nameof(setup));
    }
}
