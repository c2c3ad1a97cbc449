using Linchpin.Simulation;

namespace Linchpin.Validation;

/// <summary>
/// An ensemble whose runs draw their parameters from a posterior: run <c>r</c> uses particle
/// <see cref="Posterior.ParticleFor"/>(seed, r) and the simulation stream (seed, r), so its result
/// depends only on (seed, r), on any number of threads. The bands then include parameter
/// uncertainty as well as shock noise.
/// </summary>
public static class PosteriorEnsemble
{
    /// <summary>Runs <paramref name="runs"/> trajectories, each with its own posterior draw.</summary>
    /// <param name="setup">The scenario's setup (the posterior's parameters replace its own).</param>
    /// <param name="posterior">The posterior.</param>
    /// <param name="runs">Runs, ≥ 1.</param>
    /// <param name="seed">The ensemble seed.</param>
    /// <param name="threads">Threads, ≥ 1.</param>
    /// <returns>The runs, recorded against the engine of the posterior's first particle (every engine has the same shape).</returns>
    public static EnsembleResult Run(SimulationSetup setup, Posterior posterior, int runs, ulong seed, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(posterior);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);

        // One engine per particle, built on first use; a particle's engine is a pure function of it.
        var engines = new Lazy<SimulationEngine>[posterior.Particles.Count];
        for (var k = 0; k < engines.Length; k++)
        {
            var particle = k;
            engines[k] = new Lazy<SimulationEngine>(() => new SimulationEngine(setup with { Parameters = posterior.Apply(setup.Parameters, particle) }), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        var result = new EnsembleResult(engines[0].Value, runs, seed);
        Parallel.For(0, runs, new ParallelOptions { MaxDegreeOfParallelism = threads }, engines[0].Value.NewBuffer, (run, _, buffer) =>
        {
            engines[posterior.ParticleFor(seed, run)].Value.Run(seed, run, buffer);
            result.Store(run, buffer);
            return buffer;
        }, _ => { });
        return result;
    }
}
