using Linchpin.Simulation;

namespace Linchpin.Validation;

/// <summary>
/// Ensembles whose runs draw their parameters from a posterior: run <c>r</c> uses particle
/// <see cref="Posterior.ParticleFor(ulong, long)"/>(seed, r) and the simulation stream (seed, r), so its result
/// depends only on (seed, r), on any number of threads. The bands then include parameter
/// uncertainty as well as shock noise.
/// </summary>
public static class PosteriorEnsemble
{
    /// <summary>The per-run parameters of <paramref name="posterior"/> over <paramref name="parameters"/> (the scenario's own for everything it does not fit).</summary>
    public static RunParameters Draws(Posterior posterior, SimulationParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        ArgumentNullException.ThrowIfNull(parameters);
        var particles = Enumerable.Range(0, posterior.Particles.Count).Select(k => posterior.Apply(parameters, k)).ToArray();
        return (seed, run) => particles[posterior.ParticleFor(seed, run)];
    }

    /// <summary>
    /// The per-run parameters of particles given as values of named parameters (what a posterior
    /// hands to another process): the same draws as <see cref="Draws(Posterior, SimulationParameters)"/>
    /// of a posterior with these parameter names and particles.
    /// </summary>
    /// <exception cref="LinchpinException">A name is not a parameter, or a particle has another number of values.</exception>
    public static RunParameters Draws(SimulationParameters parameters, IReadOnlyList<string> names, IReadOnlyList<double[]> particles)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(particles);
        if (particles.Count == 0)
        {
            throw new LinchpinException("posterior: no particles");
        }

        var fitted = names.Select(n => ParameterRegistry.Get(n, "posterior")).ToArray();
        var sets = particles.Select(p => ParameterRegistry.With(parameters, fitted, p)).ToArray();
        return (seed, run) => sets[Posterior.ParticleFor(seed, run, sets.Length)];
    }

    /// <summary>Runs <paramref name="runs"/> trajectories, each with its own posterior draw.</summary>
    /// <param name="setup">The scenario's setup (the posterior's parameters replace its own).</param>
    /// <param name="posterior">The posterior.</param>
    /// <param name="runs">Runs, ≥ 1.</param>
    /// <param name="seed">The ensemble seed.</param>
    /// <param name="threads">Threads, ≥ 1.</param>
    /// <param name="recorder">Sees every run in run order, or <c>null</c>.</param>
    /// <param name="cancellation">Cancels the runs.</param>
    public static EnsembleResult Run(SimulationSetup setup, Posterior posterior, int runs, ulong seed, int threads = 1, IRunRecorder? recorder = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return Ensemble.Run(new SimulationEngine(setup), runs, seed, threads, recorder: recorder, cancellation: cancellation, parameters: Draws(posterior, setup.Parameters));
    }
}
