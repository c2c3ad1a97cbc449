using MathNet.Numerics.LinearAlgebra;

namespace Linchpin.Validation;

/// <summary>A fitted discrete-time hazard model.</summary>
/// <param name="Names">The coefficients' names (the first is the intercept).</param>
/// <param name="Coefficients">The estimates.</param>
/// <param name="StandardErrors">Their standard errors (square roots of the inverse observed information's diagonal).</param>
/// <param name="LogLikelihood">The maximised log-likelihood.</param>
/// <param name="Observations">Rows (unit-periods) in the fit.</param>
/// <param name="Events">Rows with an event.</param>
/// <param name="Iterations">Newton iterations to convergence.</param>
public sealed record HazardFit(
    IReadOnlyList<string> Names, IReadOnlyList<double> Coefficients, IReadOnlyList<double> StandardErrors, double LogLikelihood, int Observations, int Events, int Iterations)
{
    /// <summary>The estimate called <paramref name="name"/>.</summary>
    public double this[string name] => Coefficients[Index(name)];

    /// <summary>The standard error of the estimate called <paramref name="name"/>.</summary>
    public double Se(string name) => StandardErrors[Index(name)];

    private int Index(string name)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (Names[i] == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"no coefficient '{name}'", nameof(name));
    }
}

/// <summary>
/// The complementary log-log binary regression, <c>P(y = 1) = 1 − exp(−exp(x·β))</c>: the
/// discrete-time form of a proportional hazard (Prentice &amp; Gloeckler 1978; Allison 1982), so a
/// yearly hazard <c>h = exp(x·β)</c> fitted on unit-years is the simulation's
/// <c>P = 1 − exp(−h)</c>. Fitted by Newton–Raphson on the log-likelihood.
/// </summary>
public static class ClogLogRegression
{
    /// <summary>Fits the model.</summary>
    /// <param name="names">Coefficient names; the design's first column should be the intercept (all ones).</param>
    /// <param name="design">One row per observation, one column per coefficient.</param>
    /// <param name="events">Per row, whether the event happened.</param>
    /// <param name="tolerance">Stop when the largest Newton step is below this.</param>
    /// <param name="maxIterations">At most this many Newton steps.</param>
    /// <exception cref="ArgumentException">Shapes disagree, or there are no events or no non-events.</exception>
    /// <exception cref="LinchpinException">The fit does not converge (a separated or singular design).</exception>
    public static HazardFit Fit(IReadOnlyList<string> names, IReadOnlyList<double[]> design, IReadOnlyList<bool> events, double tolerance = 1e-10, int maxIterations = 100)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(events);
        var p = names.Count;
        if (design.Count != events.Count || design.Any(r => r.Length != p))
        {
            throw new ArgumentException("the design must have one row per event flag and one column per name", nameof(design));
        }

        var count = events.Count(e => e);
        if (count == 0 || count == events.Count)
        {
            throw new ArgumentException("a hazard needs both events and non-events", nameof(events));
        }

        // Start from the constant hazard: exp(β0) = −ln(1 − rate).
        var beta = Vector<double>.Build.Dense(p);
        beta[0] = Math.Log(-Math.Log(1 - ((double)count / events.Count)));
        var loglik = double.NaN;
        Matrix<double>? information = null;
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            var gradient = Vector<double>.Build.Dense(p);
            information = Matrix<double>.Build.Dense(p, p);
            loglik = 0;
            for (var i = 0; i < design.Count; i++)
            {
                var x = design[i];
                var eta = 0.0;
                for (var j = 0; j < p; j++)
                {
                    eta += x[j] * beta[j];
                }

                var e = Math.Exp(eta);
                double score, weight;
                if (events[i])
                {
                    // ln μ with μ = 1 − exp(−e): d/dη = e·exp(−e)/μ; −d²/dη² as below.
                    var survive = Math.Exp(-e);
                    var mu = -MathNet.Numerics.SpecialFunctions.Expm1(-e);
                    loglik += Math.Log(mu);
                    score = e * survive / mu;
                    weight = -(e * survive * (((1 - e) * mu) - (e * survive)) / (mu * mu));
                }
                else
                {
                    loglik -= e;
                    score = -e;
                    weight = e;
                }

                for (var j = 0; j < p; j++)
                {
                    gradient[j] += score * x[j];
                    for (var k = 0; k <= j; k++)
                    {
                        information[j, k] += weight * x[j] * x[k];
                    }
                }
            }

            for (var j = 0; j < p; j++)
            {
                for (var k = j + 1; k < p; k++)
                {
                    information[j, k] = information[k, j];
                }
            }

            var step = information.Solve(gradient);
            if (step.Any(v => !double.IsFinite(v)))
            {
                throw new LinchpinException(ErrorKind.Data, "the hazard model does not converge (a singular design)");
            }

            beta += step;
            if (step.AbsoluteMaximum() < tolerance)
            {
                var covariance = information.Inverse();
                return new HazardFit(names, [.. beta], [.. Enumerable.Range(0, p).Select(j => Math.Sqrt(covariance[j, j]))], loglik, design.Count, count, iteration);
            }
        }

        throw new LinchpinException(ErrorKind.Data, $"the hazard model does not converge in {maxIterations} Newton steps (a separated design?)");
    }
}
