using Linchpin.Data;
using Linchpin.Simulation;

namespace Linchpin.Validation;

/// <summary>Calibration targets from NATO's defence expenditure figures.</summary>
public static class NatoTargets
{
    /// <summary>The parameters a NATO calibration fits by default (the rest keep their scenario values).</summary>
    public static IReadOnlyList<string> DefaultParameters { get; } = ["threat_elasticity", "pledge_pull", "transactional_pressure", "publicness"];

    /// <summary>Every ally's % of GDP in <paramref name="year"/> from NATO's edition <paramref name="edition"/> (the allies NATO has a figure for).</summary>
    /// <exception cref="LinchpinException">The year is not simulated, or no ally has a figure.</exception>
    public static CalibrationTargets PctGdp(WorldStore store, SimulationSetup setup, int year, string edition)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(setup);
        if (year <= setup.StartYear || year > setup.StartYear + setup.Years)
        {
            throw new LinchpinException($"--year: {year} is not a simulated year of {setup.Name} ({setup.StartYear + 1}-{setup.StartYear + setup.Years})");
        }

        var observed = AllianceSpendingReader.Nato(store, year, edition).Members.Where(m => m.PctGdp is not null).ToDictionary(m => m.Iso3, m => m.PctGdp!.Value);
        var targets = setup.Allies.Select((a, i) => (a, i)).Where(x => observed.ContainsKey(x.a.Iso3))
            .Select(x => new CalibrationTarget(x.i, year, TrajectoryVariable.PctGdp, observed[x.a.Iso3])).ToList();
        return targets.Count == 0
            ? throw new LinchpinException($"{setup.Name}: no ally has a NATO figure for {year}")
            : new CalibrationTargets($"NATO defence expenditure, % of GDP, {year} (edition {edition}), {targets.Count} allies; distance: mean absolute error in points", year, targets);
    }
}
