using Linchpin.Simulation;

namespace Linchpin.Validation;

/// <summary>The outputs of a scenario at many parameter points.</summary>
/// <param name="Values">Per output, per point: the output over the point's runs.</param>
/// <param name="NoiseVariance">Per output, per point: the run-to-run variance of the per-run values divided by the number of runs (the variance the run noise adds to the point's value; NaN for the median).</param>
public sealed record ScenarioEvaluation(IReadOnlyList<double[]> Values, IReadOnlyList<double[]> NoiseVariance);

/// <summary>
/// Evaluates a scenario at points of the unit cube mapped through priors: each point is a
/// <see cref="SimulationParameters"/> set through <see cref="ParameterRegistry"/>, its own engine, and
/// <c>K</c> runs with the streams (seed, 0), …, (seed, K − 1) — the same streams at every point
/// (common random numbers), so run noise does not masquerade as a parameter effect. Points write
/// into their own slots: the result does not depend on the number of threads.
/// </summary>
public static class ScenarioEvaluator
{
    /// <summary>Evaluates <paramref name="outputs"/> at every point.</summary>
    /// <param name="setup">The scenario's setup (its parameters are the base the priors' parameters replace).</param>
    /// <param name="priors">One prior per coordinate of the points.</param>
    /// <param name="points">Points of the unit cube.</param>
    /// <param name="outputs">The outputs.</param>
    /// <param name="seeds">Runs per point K, ≥ 1.</param>
    /// <param name="seed">The run seed.</param>
    /// <param name="threads">Threads, ≥ 1.</param>
    /// <param name="progress">Called with the number of points done (from any thread), or <c>null</c>.</param>
    public static ScenarioEvaluation Evaluate(
        SimulationSetup setup, IReadOnlyList<Prior> priors, IReadOnlyList<double[]> points, IReadOnlyList<ScenarioOutput> outputs, int seeds, ulong seed, int threads,
        Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(priors);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(seeds, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var values = outputs.Select(_ => new double[points.Count]).ToArray();
        var noise = outputs.Select(_ => new double[points.Count]).ToArray();
        var parameters = priors.Select(p => p.Parameter).ToArray();
        var shape = new SimulationEngine(setup);
        var done = 0;
        Parallel.For(0, points.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, () => (shape.NewBuffer(), new double[priors.Count]), (k, _, local) =>
        {
            var (buffer, theta) = local;
            for (var j = 0; j < priors.Count; j++)
            {
                theta[j] = priors[j].At(points[k][j]);
            }

            var trial = setup with { Parameters = ParameterRegistry.With(setup.Parameters, parameters, theta) };
            var engine = new SimulationEngine(trial);
            var perOutput = new double[outputs.Count][];
            for (var o = 0; o < outputs.Count; o++)
            {
                perOutput[o] = new double[seeds];
            }

            for (var r = 0; r < seeds; r++)
            {
                engine.Run(seed, r, buffer);
                for (var o = 0; o < outputs.Count; o++)
                {
                    perOutput[o][r] = ScenarioOutputs.Of(outputs[o], trial, buffer);
                }
            }

            for (var o = 0; o < outputs.Count; o++)
            {
                values[o][k] = ScenarioOutputs.Combine(outputs[o], perOutput[o]);
                noise[o][k] = outputs[o].Name == "settlement" || seeds < 2 ? double.NaN : SampleVariance(perOutput[o]) / seeds;
            }

            var finished = Interlocked.Increment(ref done);
            if (progress is not null && (finished % 256 == 0 || finished == points.Count))
            {
                progress(finished);
            }

            return local;
        }, _ => { });
        return new ScenarioEvaluation(values, noise);
    }

    private static double SampleVariance(double[] values)
    {
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
    }
}
