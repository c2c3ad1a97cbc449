using Linchpin.Simulation;

namespace Linchpin.Validation;

/// <summary>The two global methods.</summary>
public enum SensitivityMethod
{
    /// <summary>Morris elementary effects (screening: μ, μ*, σ).</summary>
    Morris,

    /// <summary>Sobol first-order and total indices on a Saltelli design.</summary>
    Sobol,
}

/// <summary>The sensitivity of one output.</summary>
/// <param name="Output">The output's name.</param>
/// <param name="Sobol">The Sobol indices (Sobol method), else <c>null</c>.</param>
/// <param name="Morris">The elementary effects (Morris method), else <c>null</c>.</param>
/// <param name="Variance">The output's variance over the design.</param>
/// <param name="NoiseShare">The share of that variance the run noise left in the points' values (mean noise variance over the design's variance); NaN when not measured.</param>
/// <param name="Exact">The closed-form indices, for an analytic test function; else <c>null</c>.</param>
public sealed record OutputSensitivity(string Output, SobolResult? Sobol, IReadOnlyList<MorrisIndex>? Morris, double Variance, double NoiseShare, SobolIndicesExact? Exact);

/// <summary>A sensitivity analysis.</summary>
/// <param name="Subject">What was analysed (a scenario's name or a test function).</param>
/// <param name="Method">The method.</param>
/// <param name="Samples">N (Sobol) or trajectories r (Morris).</param>
/// <param name="Seeds">Runs per design point (1 for a deterministic function).</param>
/// <param name="Seed">The design and run seed.</param>
/// <param name="Factors">The factors, with their ranges.</param>
/// <param name="Evaluations">Design points evaluated.</param>
/// <param name="Outputs">One entry per output.</param>
public sealed record SensitivityResult(
    string Subject, SensitivityMethod Method, int Samples, int Seeds, ulong Seed, IReadOnlyList<Prior> Factors, int Evaluations, IReadOnlyList<OutputSensitivity> Outputs);

/// <summary>The settings of an analysis.</summary>
/// <param name="Method">Morris or Sobol.</param>
/// <param name="Samples">Sobol: N rows of A and B, a power of two ≥ 4; Morris: trajectories r ≥ 2.</param>
/// <param name="Seeds">Runs per design point, ≥ 1.</param>
/// <param name="Seed">Seed of the design, the bootstrap and the runs.</param>
/// <param name="Resamples">Bootstrap resamples for the intervals (≥ 0).</param>
/// <param name="Levels">Morris grid levels (even).</param>
public sealed record SensitivitySettings(SensitivityMethod Method, int Samples, int Seeds = 1, ulong Seed = 42, int Resamples = 100, int Levels = 4)
{
    /// <summary>Checks the settings.</summary>
    /// <exception cref="LinchpinException">A setting out of range; the message names the option.</exception>
    public void Validate()
    {
        if (Method == SensitivityMethod.Sobol && (Samples < 4 || (Samples & (Samples - 1)) != 0))
        {
            throw new LinchpinException($"--samples: {Samples} must be a power of two of at least 4 for Sobol (Saltelli designs converge for N = 2^n)");
        }

        if (Method == SensitivityMethod.Morris && Samples < 2)
        {
            throw new LinchpinException($"--samples: {Samples} trajectories; Morris needs at least 2");
        }

        if (Seeds < 1)
        {
            throw new LinchpinException($"--seeds: {Seeds} must be at least 1");
        }

        if (Resamples < 0)
        {
            throw new LinchpinException($"--resamples: {Resamples} must be at least 0");
        }
    }
}

/// <summary>
/// Global sensitivity analysis of a scenario's outputs over its parameters' priors, or of an
/// analytic test function with known indices (docs/models/validation.md).
/// </summary>
public static class SensitivityAnalysis
{
    /// <summary>The analytic test functions by name: <c>ishigami</c> and <c>sobol-g</c>.</summary>
    public static IReadOnlyList<string> Functions { get; } = ["ishigami", "sobol-g"];

    /// <summary>
    /// Eight parameters behind the headline outputs of a cost-sharing scenario (threat response,
    /// beliefs and credibility, the value of protection, the cost of demands, the hazard): the
    /// factors of the report's screening and of the Sobol benchmark on <c>sma-2019</c>.
    /// </summary>
    public static IReadOnlyList<string> HeadlineParameters { get; } =
        ["threat_elasticity", "belief_memory", "multilateral_credibility", "transactional_credibility", "security_value", "demand_cost", "base_hazard", "net_benefit_effect"];

    /// <summary>Analyses a test function: <c>ishigami</c> (three inputs on [−π, π]) or <c>sobol-g</c> with coefficients <paramref name="a"/> (inputs on [0, 1]).</summary>
    /// <exception cref="LinchpinException">An unknown function, or bad coefficients.</exception>
    public static SensitivityResult Function(string name, IReadOnlyList<double>? a, SensitivitySettings settings, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Func<double[], double> f;
        SobolIndicesExact exact;
        int d;
        switch (name)
        {
            case "ishigami":
                if (a is not null)
                {
                    throw new LinchpinException("--a: applies only to --function sobol-g");
                }

                d = 3;
                f = u => TestFunctions.Ishigami([Math.PI * ((2 * u[0]) - 1), Math.PI * ((2 * u[1]) - 1), Math.PI * ((2 * u[2]) - 1)]);
                exact = TestFunctions.IshigamiIndices();
                break;
            case "sobol-g":
                var coefficients = a ?? TestFunctions.SobolGReferenceA;
                if (coefficients.Count == 0 || coefficients.Any(v => !double.IsFinite(v) || v < 0))
                {
                    throw new LinchpinException("--a: the G function needs one or more coefficients, each finite and ≥ 0");
                }

                d = coefficients.Count;
                f = u => TestFunctions.SobolG(u, coefficients);
                exact = TestFunctions.SobolGIndices(coefficients);
                break;
            default:
                throw new LinchpinException($"--function: '{name}' is not one of {string.Join(", ", Functions)}");
        }

        var factors = Enumerable.Range(0, d).Select(i => new Prior(FunctionInput(i), name == "ishigami" ? -Math.PI : 0, name == "ishigami" ? Math.PI : 1, "the test function's domain")).ToList();
        var result = Analyse(name, factors, settings, ["f"], points =>
        {
            var y = new double[points.Count];
            Parallel.For(0, points.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, k => y[k] = f(points[k]));
            return new ScenarioEvaluation([y], [new double[points.Count]]);
        });
        return result with { Outputs = [result.Outputs[0] with { Exact = exact, NoiseShare = double.NaN }] };
    }

    /// <summary>Analyses a scenario's outputs over priors on its parameters, <see cref="SensitivitySettings.Seeds"/> runs per point.</summary>
    /// <param name="setup">The scenario's setup.</param>
    /// <param name="priors">The factors.</param>
    /// <param name="outputs">The outputs.</param>
    /// <param name="settings">Method, samples, seeds.</param>
    /// <param name="threads">Threads (the result does not depend on it).</param>
    /// <param name="progress">Called with the number of points done, or <c>null</c>.</param>
    public static SensitivityResult Scenario(
        SimulationSetup setup, IReadOnlyList<Prior> priors, IReadOnlyList<ScenarioOutput> outputs, SensitivitySettings settings, int threads = 1, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(priors);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (priors.Count == 0)
        {
            throw new LinchpinException("--parameters: at least one parameter is needed");
        }

        return Scenario(setup, priors, outputs, settings, points => ScenarioEvaluator.Evaluate(setup, priors, points, outputs, settings.Seeds, settings.Seed, threads, progress));
    }

    /// <summary>
    /// The same analysis with the design's points evaluated by <paramref name="evaluate"/> (e.g. on
    /// other machines), which must give what <see cref="ScenarioEvaluator.Evaluate"/> gives for the
    /// points with <see cref="SensitivitySettings.Seeds"/> runs each and seed <see cref="SensitivitySettings.Seed"/>:
    /// a point's value depends only on the point and those, so any split of the points gives the same result.
    /// </summary>
    /// <exception cref="LinchpinException">No factor, or bad settings.</exception>
    public static SensitivityResult Scenario(
        SimulationSetup setup, IReadOnlyList<Prior> priors, IReadOnlyList<ScenarioOutput> outputs, SensitivitySettings settings, Func<IReadOnlyList<double[]>, ScenarioEvaluation> evaluate)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(priors);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(evaluate);
        settings.Validate();
        if (priors.Count == 0)
        {
            throw new LinchpinException("--parameters: at least one parameter is needed");
        }

        return Analyse(setup.Name, priors, settings, [.. outputs.Select(o => o.Name)], evaluate);
    }

    private static SensitivityResult Analyse(
        string subject, IReadOnlyList<Prior> factors, SensitivitySettings settings, IReadOnlyList<string> outputNames, Func<IReadOnlyList<double[]>, ScenarioEvaluation> evaluate)
    {
        // One stream for the design, another for the bootstrap: the design does not move with --resamples.
        var design = new Random(unchecked((int)settings.Seed));
        var bootstrap = new Random(unchecked((int)(settings.Seed ^ 0x5bd1e995)));
        var d = factors.Count;
        var results = new List<OutputSensitivity>();
        if (settings.Method == SensitivityMethod.Sobol)
        {
            var saltelli = SobolAnalysis.Design(settings.Samples, d, design);
            var points = Enumerable.Range(0, saltelli.Count).Select(saltelli.Point).ToList();
            var evaluation = evaluate(points);
            for (var o = 0; o < outputNames.Count; o++)
            {
                var y = evaluation.Values[o];
                var sobol = SobolAnalysis.Analyze(saltelli, y, bootstrap, settings.Resamples);
                results.Add(new OutputSensitivity(outputNames[o], sobol, null, sobol.Variance, NoiseShare(evaluation.NoiseVariance[o], sobol.Variance), null));
            }

            return new SensitivityResult(subject, settings.Method, settings.Samples, settings.Seeds, settings.Seed, factors, points.Count, results);
        }

        var morris = MorrisScreening.Design(d, settings.Samples, settings.Levels, design);
        var morrisEvaluation = evaluate(morris.Points);
        for (var o = 0; o < outputNames.Count; o++)
        {
            var y = morrisEvaluation.Values[o];
            var mean = y.Average();
            var variance = y.Sum(v => (v - mean) * (v - mean)) / y.Length;
            results.Add(new OutputSensitivity(outputNames[o], null, MorrisScreening.Analyze(morris, y, bootstrap, settings.Resamples), variance,
                NoiseShare(morrisEvaluation.NoiseVariance[o], variance), null));
        }

        return new SensitivityResult(subject, settings.Method, settings.Samples, settings.Seeds, settings.Seed, factors, morris.Points.Count, results);
    }

    private static double NoiseShare(double[] noise, double variance)
    {
        var measured = noise.Where(double.IsFinite).ToList();
        return measured.Count == 0 || variance <= 0 ? double.NaN : measured.Average() / variance;
    }

    private static ParameterInfo FunctionInput(int i) =>
        new($"x{i + 1}", _ => double.NaN, (p, _) => p, double.NaN, double.NaN, ParameterBasis.Assumption, "test function input");
}
