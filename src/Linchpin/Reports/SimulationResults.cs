using Linchpin.Simulation;

namespace Linchpin.Reports;

/// <summary>An ensemble's summary as <c>linchpin simulate</c> prints it: one row per ally.</summary>
public static class SimulationResults
{
    /// <summary>
    /// Per ally: the probabilities of settlement, breakdown, hedging and exit, the settlement's
    /// median and 5–95 % band, the median % of GDP in the first and last recorded year, and each
    /// demand's shares of acceptance, partial compliance and refusal.
    /// </summary>
    /// <param name="result">The ensemble.</param>
    /// <param name="title">The printed table's title.</param>
    /// <param name="notes">The notes printed under it.</param>
    public static TableResult Summary(EnsembleResult result, string title, IReadOnlyList<string> notes)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = new ResultRows("iso3", "p_settlement", "p_breakdown", "settlement_median", "settlement_p05", "settlement_p95", "p_hedging", "p_exit",
            "pct_gdp_start", "pct_gdp_end_median", "demands");
        var summary = result.Summary().Where(r => r.Variable == TrajectoryVariable.PctGdp).ToLookup(r => r.Iso3);
        foreach (var o in result.Outcomes())
        {
            var band = summary[o.Iso3].OrderBy(r => r.Year).ToList();
            rows.Add(o.Iso3, Nullable(o.Settlement), Nullable(o.Breakdown), Nullable(o.SettlementMedian), Nullable(o.SettlementLow), Nullable(o.SettlementHigh),
                o.Hedging, o.Exit, band[0].Median, band[^1].Median, Demands(o));
        }

        return new TableResult(title, rows.Build(), null, notes);
    }

    /// <summary>Each demand on the ally with the shares of runs it was accepted, met in part and refused.</summary>
    private static string? Demands(AllyOutcome outcome) => outcome.Demands.Count > 0
        ? string.Join("; ", outcome.Demands.Select(d => FormattableString.Invariant($"{d.Id}: p_accept {d.Accept:0.###}, p_partial {d.Partial:0.###}, p_refuse {d.Refuse:0.###}")))
        : null;

    /// <summary>The most runs of one ensemble.</summary>
    public const int MaxRuns = 1_000_000;

    /// <summary>Checks an ensemble's size as <c>linchpin simulate</c> does: 1 to <see cref="MaxRuns"/> runs, at least one thread.</summary>
    /// <exception cref="LinchpinException">Too few or too many runs, or fewer than one thread.</exception>
    public static void CheckSize(int runs, int threads)
    {
        if (runs < 1 || runs > MaxRuns)
        {
            throw new LinchpinException($"--runs: {runs} is outside [1, {MaxRuns}]");
        }

        if (threads < 1)
        {
            throw new LinchpinException($"--threads: {threads} must be at least 1");
        }
    }

    /// <summary>What the bands include, in words.</summary>
    public static string BandsNote(Linchpin.Validation.Posterior? posterior, string? path) => posterior is null
        ? "bands: shock and threat noise only; parameters are fixed at the scenario's values (use --posterior to include parameter uncertainty)"
        : $"bands: shock and threat noise and parameter uncertainty: each run draws one of {posterior.Particles.Count} posterior particles from {path} ({string.Join(", ", posterior.Priors.Select(p => p.Name))}; {posterior.Method}; fitted on {posterior.Targets})";

    private static double? Nullable(double value) => double.IsNaN(value) ? null : value;
}
