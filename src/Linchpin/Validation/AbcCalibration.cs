using Linchpin.Simulation;

namespace Linchpin.Validation;

/// <summary>One observed figure a calibration matches: an ally's recorded variable in a year.</summary>
/// <param name="Ally">Index of the ally in the setup.</param>
/// <param name="Year">Calendar year.</param>
/// <param name="Variable">The recorded variable.</param>
/// <param name="Value">The observed value.</param>
public readonly record struct CalibrationTarget(int Ally, int Year, TrajectoryVariable Variable, double Value);

/// <summary>The figures a calibration matches, with where they come from.</summary>
/// <param name="Description">Source and year, in words.</param>
/// <param name="LastYear">The latest year any target is from: everything later is held out.</param>
/// <param name="Targets">The targets.</param>
public sealed record CalibrationTargets(string Description, int LastYear, IReadOnlyList<CalibrationTarget> Targets)
{
    /// <summary>The distance of a run from the targets: the mean absolute difference.</summary>
    public double Distance(SimulationSetup setup, RunBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(buffer);
        var sum = 0.0;
        foreach (var t in Targets)
        {
            sum += Math.Abs(buffer.Value(t.Year - setup.StartYear, t.Ally, t.Variable) - t.Value);
        }

        return sum / Targets.Count;
    }
}

/// <summary>
/// A posterior sample of parameters: equally weighted particles, each a value per prior, from a
/// calibration of one scenario (its name and SHA-256 travel with it).
/// </summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="ScenarioHash">The scenario file's SHA-256.</param>
/// <param name="Priors">The priors, one per particle coordinate.</param>
/// <param name="Particles">The accepted parameter vectors.</param>
/// <param name="Distances">Each particle's distance from the targets.</param>
/// <param name="Epsilon">The acceptance threshold ε.</param>
/// <param name="Draws">Prior draws simulated.</param>
/// <param name="Method">The method, in words.</param>
/// <param name="Targets">The targets, in words.</param>
/// <param name="LastYear">The latest year of data the fit saw.</param>
public sealed record Posterior(
    string Scenario, string ScenarioHash, IReadOnlyList<Prior> Priors, IReadOnlyList<double[]> Particles, IReadOnlyList<double> Distances,
    double Epsilon, int Draws, string Method, string Targets, int LastYear)
{
    /// <summary>The parameters of particle <paramref name="k"/> set on <paramref name="parameters"/>.</summary>
    public SimulationParameters Apply(SimulationParameters parameters, int k)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return ParameterRegistry.With(parameters, [.. Priors.Select(p => p.Parameter)], Particles[k]);
    }

    /// <summary>
    /// The particle run <paramref name="run"/> of an ensemble seeded with <paramref name="seed"/>
    /// uses: a uniform draw from its own stream (seed, run) on a stream tag apart from the run's
    /// simulation stream, so it depends only on (seed, run).
    /// </summary>
    public int ParticleFor(ulong seed, long run) => ParticleFor(seed, run, Particles.Count);

    /// <summary>The particle run <paramref name="run"/> uses among <paramref name="count"/> (see <see cref="ParticleFor(ulong, long)"/>).</summary>
    public static int ParticleFor(ulong seed, long run, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var random = new SimRandom(seed ^ 0xA5A5_5A5A_C3C3_3C3CUL, run);
        return (int)Math.Min(count - 1, Math.Floor(random.NextDouble() * count));
    }

    /// <summary>Posterior mean, standard deviation and 5 % / 95 % quantiles of coordinate <paramref name="j"/>.</summary>
    public (double Mean, double Sd, double Low, double High) Summary(int j)
    {
        var values = Particles.Select(p => p[j]).Order().ToArray();
        var mean = values.Average();
        var sd = values.Length > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1)) : 0;
        return (mean, sd, EnsembleResult.Quantile(values, 0.05), EnsembleResult.Quantile(values, 0.95));
    }
}

/// <summary>
/// Approximate Bayesian computation by rejection (Beaumont, Zhang &amp; Balding 2002, <i>Genetics</i>
/// 162: 2025–2035; Pritchard et al. 1999): draw parameters from the priors (a Latin hypercube),
/// simulate one run each, keep the draws whose distance from the targets is within the
/// acceptance quantile ε. The kept draws approximate the posterior under the run noise, so an
/// ensemble that draws from them carries parameter uncertainty. Only the targets enter the
/// distance; nothing after <see cref="CalibrationTargets.LastYear"/> is read.
/// </summary>
public static class AbcCalibration
{
    /// <summary>Rejection ABC.</summary>
    /// <param name="setup">The scenario's setup.</param>
    /// <param name="scenarioHash">The scenario file's SHA-256.</param>
    /// <param name="priors">The priors of the fitted parameters.</param>
    /// <param name="targets">The observed figures.</param>
    /// <param name="draws">Prior draws, ≥ 10.</param>
    /// <param name="accept">Share of draws kept, in (0, 1].</param>
    /// <param name="seed">Seed of the draws and runs.</param>
    /// <param name="threads">Threads (the result does not depend on it).</param>
    /// <exception cref="LinchpinException">Bad settings, or a target outside the run.</exception>
    public static Posterior Rejection(
        SimulationSetup setup, string scenarioHash, IReadOnlyList<Prior> priors, CalibrationTargets targets, int draws, double accept, ulong seed, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(priors);
        ArgumentNullException.ThrowIfNull(targets);
        if (draws < 10)
        {
            throw new LinchpinException($"--draws: {draws} must be at least 10");
        }

        if (!(accept > 0 && accept <= 1))
        {
            throw new LinchpinException($"--accept: {accept} must be in (0, 1]");
        }

        if (priors.Count == 0)
        {
            throw new LinchpinException("--parameters: at least one parameter is needed");
        }

        if (targets.Targets.Count == 0 || targets.Targets.Any(t => t.Year <= setup.StartYear || t.Year > setup.StartYear + setup.Years))
        {
            throw new LinchpinException($"calibration targets must lie in the simulated years {setup.StartYear + 1}-{setup.StartYear + setup.Years}");
        }

        var points = LatinHypercube.Sample(draws, priors.Count, new Random(unchecked((int)seed)));
        var parameters = priors.Select(p => p.Parameter).ToArray();
        var theta = points.Select(u => u.Select((x, j) => priors[j].At(x)).ToArray()).ToArray();
        var distance = new double[draws];
        var shape = new SimulationEngine(setup);
        Parallel.For(0, draws, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, shape.NewBuffer, (k, _, buffer) =>
        {
            var trial = setup with { Parameters = ParameterRegistry.With(setup.Parameters, parameters, theta[k]) };
            new SimulationEngine(trial).Run(seed, k, buffer);
            distance[k] = targets.Distance(trial, buffer);
            return buffer;
        }, _ => { });

        var keep = Math.Max(1, (int)Math.Round(accept * draws));
        var order = Enumerable.Range(0, draws).OrderBy(k => distance[k]).ThenBy(k => k).Take(keep).ToArray();
        var epsilon = distance[order[^1]];
        return new Posterior(setup.Name, scenarioHash, priors, [.. order.Select(k => theta[k])], [.. order.Select(k => distance[k])], epsilon, draws,
            $"ABC rejection (Beaumont et al. 2002): {draws} Latin hypercube draws from uniform priors, one run each, the {keep} nearest kept (ε = {epsilon:0.####})",
            targets.Description, targets.LastYear);
    }
}
