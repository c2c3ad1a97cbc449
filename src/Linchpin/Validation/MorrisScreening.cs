namespace Linchpin.Validation;

/// <summary>A Morris design: <c>r</c> trajectories of <c>D + 1</c> points in the unit cube, each step changing one factor by ±Δ.</summary>
/// <param name="Dimensions">Number of factors D.</param>
/// <param name="Levels">Grid levels p (even, ≥ 2).</param>
/// <param name="Delta">Step Δ = p / (2(p − 1)).</param>
/// <param name="Points">The <c>r(D + 1)</c> points, trajectory by trajectory, in the order they must be evaluated.</param>
/// <param name="Factors">Per trajectory and step, the factor that step changes.</param>
/// <param name="Steps">Per trajectory and step, the signed change of that factor (+Δ or −Δ).</param>
public sealed record MorrisDesign(int Dimensions, int Levels, double Delta, IReadOnlyList<double[]> Points, IReadOnlyList<int[]> Factors, IReadOnlyList<double[]> Steps)
{
    /// <summary>Number of trajectories r.</summary>
    public int Trajectories => Factors.Count;
}

/// <summary>One factor's elementary effects, in output units per whole range of the factor.</summary>
/// <param name="Factor">Factor index.</param>
/// <param name="Mu">μ, the mean elementary effect.</param>
/// <param name="MuStar">μ*, the mean absolute elementary effect (Campolongo et al. 2007's screening measure).</param>
/// <param name="Sigma">σ, the standard deviation of the elementary effects (ddof = 1): non-linearity or interactions.</param>
/// <param name="MuStarLow">Lower end of a bootstrap 95 % interval for μ*.</param>
/// <param name="MuStarHigh">Upper end of a bootstrap 95 % interval for μ*.</param>
public sealed record MorrisIndex(int Factor, double Mu, double MuStar, double Sigma, double MuStarLow, double MuStarHigh);

/// <summary>
/// Morris (1991, <i>Technometrics</i> 33(2): 161–174) elementary-effects screening, with
/// Campolongo, Cariboni &amp; Saltelli's (2007, <i>Env. Modelling &amp; Software</i> 22(10):
/// 1509–1518) μ*. Factors live in the unit cube; map points to parameter ranges before evaluating,
/// and effects are then per whole range of each factor.
/// </summary>
public static class MorrisScreening
{
    /// <summary>Builds <paramref name="trajectories"/> random one-at-a-time trajectories on a <paramref name="levels"/>-level grid.</summary>
    /// <param name="dimensions">Factors D, ≥ 1.</param>
    /// <param name="trajectories">Trajectories r, ≥ 2.</param>
    /// <param name="levels">Grid levels p: even, ≥ 2 (4 is the usual choice).</param>
    /// <param name="random">The random source.</param>
    public static MorrisDesign Design(int dimensions, int trajectories, int levels, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(trajectories, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, 2);
        ArgumentNullException.ThrowIfNull(random);
        if (levels % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(levels), levels, "the number of levels must be even");
        }

        var delta = levels / (2.0 * (levels - 1));
        var points = new List<double[]>(trajectories * (dimensions + 1));
        var factors = new List<int[]>(trajectories);
        var steps = new List<double[]>(trajectories);
        for (var t = 0; t < trajectories; t++)
        {
            // A base point on the grid's lower half, so that x + Δ stays on the grid; a random
            // sign per factor starts it at x + Δ and steps down instead.
            var x = new double[dimensions];
            var signs = new double[dimensions];
            for (var d = 0; d < dimensions; d++)
            {
                var level = random.Next(levels / 2);
                signs[d] = random.Next(2) == 0 ? 1 : -1;
                x[d] = (level / (double)(levels - 1)) + (signs[d] < 0 ? delta : 0);
            }

            var order = Enumerable.Range(0, dimensions).ToArray();
            random.Shuffle(order);
            points.Add((double[])x.Clone());
            var step = new double[dimensions];
            for (var k = 0; k < dimensions; k++)
            {
                var d = order[k];
                step[k] = signs[d] * delta;
                x[d] += step[k];
                points.Add((double[])x.Clone());
            }

            factors.Add(order);
            steps.Add(step);
        }

        return new MorrisDesign(dimensions, levels, delta, points, factors, steps);
    }

    /// <summary>μ, μ* and σ per factor from the outputs at the design's points, in the design's order.</summary>
    /// <param name="design">The design.</param>
    /// <param name="outputs">One output per point of <see cref="MorrisDesign.Points"/>, in that order.</param>
    /// <param name="random">The random source of the bootstrap over trajectories.</param>
    /// <param name="resamples">Bootstrap resamples for the interval of μ* (0 for none).</param>
    public static IReadOnlyList<MorrisIndex> Analyze(MorrisDesign design, IReadOnlyList<double> outputs, Random random, int resamples = 100)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(random);
        var d = design.Dimensions;
        var r = design.Trajectories;
        if (outputs.Count != r * (d + 1))
        {
            throw new ArgumentException($"expected {r * (d + 1)} outputs (one per design point), got {outputs.Count}", nameof(outputs));
        }

        // effects[i][t]: the elementary effect of factor i on trajectory t.
        var effects = new double[d][];
        for (var i = 0; i < d; i++)
        {
            effects[i] = new double[r];
        }

        for (var t = 0; t < r; t++)
        {
            var first = t * (d + 1);
            for (var k = 0; k < d; k++)
            {
                effects[design.Factors[t][k]][t] = (outputs[first + k + 1] - outputs[first + k]) / design.Steps[t][k];
            }
        }

        var indexes = new MorrisIndex[d];
        var resampled = new double[resamples];
        for (var i = 0; i < d; i++)
        {
            var e = effects[i];
            var mu = e.Average();
            var muStar = e.Average(Math.Abs);
            var sigma = Math.Sqrt(e.Sum(v => (v - mu) * (v - mu)) / (r - 1));
            for (var b = 0; b < resamples; b++)
            {
                var sum = 0.0;
                for (var j = 0; j < r; j++)
                {
                    sum += Math.Abs(e[random.Next(r)]);
                }

                resampled[b] = sum / r;
            }

            var (low, high) = resamples > 0 ? SobolAnalysis.PercentileInterval(resampled, 0.95) : (double.NaN, double.NaN);
            indexes[i] = new MorrisIndex(i, mu, muStar, sigma, low, high);
        }

        return indexes;
    }
}
