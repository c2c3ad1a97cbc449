using System.Globalization;
using Linchpin.Analysis;
using Linchpin.Data;
using Linchpin.Simulation;

namespace Linchpin.Validation;

/// <summary>The settlement scale fitted on the years up to the cut: <c>ln T(t) = level + growth·(t − cut)</c>.</summary>
/// <param name="FirstYear">The first year of the fit window.</param>
/// <param name="LastYear">The last year of the fit window (the cut).</param>
/// <param name="LogLevel">The fitted log amount at the cut year (ln of billions of won).</param>
/// <param name="Growth">The fitted growth of the value scale, per year (log points).</param>
/// <param name="ResidualSd">The standard deviation of the log residuals (n − 2 degrees of freedom).</param>
/// <param name="Years">The years the fit used, in order.</param>
public sealed record SmaScaleFit(int FirstYear, int LastYear, double LogLevel, double Growth, double ResidualSd, IReadOnlyList<int> Years);

/// <summary>One held-out year of the SMA backtest.</summary>
/// <param name="Agreement">The SMA in force that year (from the data).</param>
/// <param name="Year">The held-out year.</param>
/// <param name="LastSeen">The last amount the fit sees (the cut year's).</param>
/// <param name="Predicted">The fitted settlement scale in the year, billions of won.</param>
/// <param name="Low">The bootstrap's 5th percentile.</param>
/// <param name="High">The bootstrap's 95th percentile.</param>
/// <param name="Actual">The published amount.</param>
public sealed record SmaBacktestYear(int Agreement, int Year, double LastSeen, double Predicted, double Low, double High, double Actual);

/// <summary>The SMA backtest's result.</summary>
/// <param name="Name">The backtest (<c>sma-2018</c>).</param>
/// <param name="Fit">The fitted settlement scale.</param>
/// <param name="Resamples">Bootstrap resamples behind the band.</param>
/// <param name="Seed">The bootstrap's seed.</param>
/// <param name="Model">The model's scores over the held-out years.</param>
/// <param name="Baselines">Every naive baseline with the model's information.</param>
/// <param name="Coverage90">Share of held-out years whose amount lies inside the 5–95 % band.</param>
/// <param name="Years">One row per held-out year with a published amount.</param>
/// <param name="Missing">Held-out years with no published amount (not scored).</param>
/// <param name="Losses">A sentence per baseline the model does not beat on MAE or Spearman (empty if it beats all).</param>
/// <param name="Notes">Sources and method, in words.</param>
public sealed record SmaBacktestResult(
    string Name, SmaScaleFit Fit, int Resamples, ulong Seed, ForecastScore Model, IReadOnlyList<ForecastScore> Baselines, double Coverage90,
    IReadOnlyList<SmaBacktestYear> Years, IReadOnlyList<int> Missing, IReadOnlyList<string> Losses, IReadOnlyList<string> Notes);

/// <summary>
/// A cost-sharing backtest on the US–ROK Special Measures Agreements: fit the settlement step on the
/// agreements up to a cut, forecast the later agreements' yearly amounts, and score them against
/// the published figures next to naive baselines with the same information.
/// </summary>
/// <remarks>
/// <para>
/// The simulation's settlement step (<see cref="Games.Bargaining.SmaBargaining"/> through the cost-sharing talks)
/// pays the alternating-offers transfer, and that transfer is homogeneous of degree one in the
/// bargaining values (every value doubled, the transfer doubles). With the values' relative sizes
/// fixed, the only quantities the payment history identifies are the values' common scale and how
/// fast it grows. The model is that scale, fitted on the log amounts of the fit window by least
/// squares: <c>ln T(t) = a + g·(t − cut)</c>, and it forecasts each held-out year's amount as
/// <c>exp(a + g·(t − cut))</c>.
/// </para>
/// <para>
/// The fit window starts in 2005, the first year paid wholly in won (earlier years were paid
/// partly in dollars and the shipped won figures do not cover them all); it ends at the cut, 2018,
/// the last year of the 9th SMA: the fit sees the 6th to 9th SMAs, and the 10th (2019), 11th
/// (2020–2025) and 12th (2026–) are held out. The band is a residual bootstrap (Davison &amp;
/// Hinkley 1997, <i>Bootstrap Methods and their Application</i>, ch. 6, model-based resampling with
/// leverage-adjusted residuals): each resample refits the line on resampled residuals and adds one
/// more resampled residual to the forecast. It carries the fit's parameter uncertainty and the
/// year-to-year scatter around the line; it does not carry lapses, changes of doctrine or the
/// serial correlation of the residuals within an agreement's term.
/// </para>
/// </remarks>
public static class SmaBacktest
{
    /// <summary>The backtests by name, with their fit window.</summary>
    public static IReadOnlyDictionary<string, (int FitFrom, int Cut)> Splits { get; } = new Dictionary<string, (int, int)>(StringComparer.Ordinal)
    {
        ["sma-2018"] = (2005, 2018),
    };

    /// <summary>The currency of every amount.</summary>
    public const string Currency = "KRW bn";

    /// <summary>The default bootstrap resamples.</summary>
    public const int DefaultResamples = 1000;

    /// <summary>Runs backtest <paramref name="name"/> on the shipped SMA history (<c>us_rok_sma</c>).</summary>
    /// <exception cref="LinchpinException">An unknown backtest, or a history that cannot be fitted.</exception>
    public static SmaBacktestResult Run(WorldStore store, string name = "sma-2018", int resamples = DefaultResamples, ulong seed = 42)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Run(HostNationReader.SmaHistory(store), name, resamples, seed);
    }

    /// <summary>Runs backtest <paramref name="name"/> on <paramref name="history"/> (one row per year, amounts in billions of current won).</summary>
    /// <exception cref="LinchpinException">An unknown backtest, a fit window with fewer than three amounts, or no held-out amount.</exception>
    public static SmaBacktestResult Run(IReadOnlyList<SmaAmount> history, string name = "sma-2018", int resamples = DefaultResamples, ulong seed = 42)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (!Splits.TryGetValue(name, out var split))
        {
            throw new LinchpinException($"backtest: '{name}' is not one of {string.Join(", ", Splits.Keys)}");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 10);

        // 1. The fit sees only the window's amounts: nothing after the cut is read before step 3.
        var seen = history.Where(h => h.Year >= split.FitFrom && h.Year <= split.Cut && h.Amount is > 0).OrderBy(h => h.Year).ToList();
        var fit = Fit(seen, split.FitFrom, split.Cut);
        var band = Bootstrap(seen, split.Cut, resamples, seed);
        var last = seen[^1];
        var lastAgreement = seen.Where(s => s.Agreement == last.Agreement).ToList();

        // 2. Baselines with the same information.
        var span = seen.Select(s => (double)s.Year).ToList();
        var trend = ExploitationTest.Fit(span, [.. seen.Select(s => s.Amount!.Value)]);
        var agreementTrend = lastAgreement.Count >= 3
            ? ExploitationTest.Fit([.. lastAgreement.Select(s => (double)s.Year)], [.. lastAgreement.Select(s => s.Amount!.Value)])
            : null;

        // 3. Only now are the held-out amounts read.
        var heldOut = history.Where(h => h.Year > split.Cut).OrderBy(h => h.Year).ToList();
        var scored = heldOut.Where(h => h.Amount is not null).ToList();
        if (scored.Count == 0)
        {
            throw LinchpinException.NoData($"us_rok_sma: no published amount after {split.Cut} to score the backtest on");
        }

        var years = scored.Select(h =>
        {
            var (low, high) = band(h.Year);
            return new SmaBacktestYear(h.Agreement, h.Year, last.Amount!.Value, Predict(fit, h.Year), low, high, h.Amount!.Value);
        }).ToList();
        var actual = years.Select(y => y.Actual).ToList();
        var model = ForecastScores.Score("model", [.. years.Select(y => y.Predicted)], actual);
        var baselines = new List<ForecastScore>
        {
            ForecastScores.Score($"{last.Year} carried forward", [.. years.Select(_ => last.Amount!.Value)], actual),
            ForecastScores.Score($"{Ordinal(last.Agreement)} SMA's first year ({lastAgreement[0].Year}) carried forward", [.. years.Select(_ => lastAgreement[0].Amount!.Value)], actual),
        };
        if (agreementTrend is not null)
        {
            baselines.Add(ForecastScores.Score($"{Ordinal(last.Agreement)} SMA's linear trend ({lastAgreement[0].Year}-{last.Year})",
                [.. years.Select(y => agreementTrend.Intercept + (agreementTrend.Slope * y.Year))], actual));
        }

        baselines.Add(ForecastScores.Score($"{split.FitFrom}-{split.Cut} linear trend", [.. years.Select(y => trend!.Intercept + (trend.Slope * y.Year))], actual));
        var coverage = ForecastScores.Coverage([.. years.Select(y => y.Low)], [.. years.Select(y => y.High)], actual);
        var losses = ForecastScores.Losses(model, baselines, $"{years[0].Year}-{years[^1].Year}");
        var missing = heldOut.Where(h => h.Amount is null).Select(h => h.Year).ToList();
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"fit: ln T = {fit.LogLevel:0.0000} + {fit.Growth:0.0000}·(year − {split.Cut}) on the {fit.Years.Count} amounts of {split.FitFrom}-{split.Cut} ({Ordinal(seen[0].Agreement)} to {Ordinal(last.Agreement)} SMA, paid wholly in won from 2005); residual sd {fit.ResidualSd:0.0000} log points; no amount after {split.Cut} enters the fit"),
            "model: the settlement step's transfer is homogeneous of degree one in the bargaining values, so with their relative sizes fixed the history identifies only their common scale and its growth; the forecast is that scale in each held-out year",
            $"band: residual bootstrap, {resamples} resamples (seed {seed}; Davison & Hinkley 1997, ch. 6, model-based resampling with leverage-adjusted residuals): parameter uncertainty and the year-to-year scatter; not lapses, doctrine changes or the serial correlation within a term",
            $"baselines: {last.Year} carried forward, the {Ordinal(last.Agreement)} SMA's first year carried forward, the {Ordinal(last.Agreement)} SMA's linear trend, the {split.FitFrom}-{split.Cut} linear trend",
            $"amounts in billions of current won (us_rok_sma); held out: {string.Join(", ", scored.Select(h => $"{h.Year} ({Ordinal(h.Agreement)})"))}",
            "Spearman ranks the held-out years by amount: a forecast that rises with the year ranks them as a rising series does; it is undefined (null) for a forecast that is the same every year",
            "count_at_target: does not apply (no agreed target level for the payments)",
        };
        if (missing.Count > 0)
        {
            notes.Add($"no published amount for {string.Join(", ", missing)}: not scored");
        }

        notes.AddRange(losses);
        return new SmaBacktestResult(name, fit, resamples, seed, model, baselines, coverage, years, missing, losses, notes);
    }

    /// <summary>The least-squares line of the log amounts on <c>year − cut</c>.</summary>
    /// <exception cref="LinchpinException">Fewer than three positive amounts in the window.</exception>
    public static SmaScaleFit Fit(IReadOnlyList<SmaAmount> seen, int fitFrom, int cut)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var points = seen.Where(s => s.Year >= fitFrom && s.Year <= cut && s.Amount is > 0).OrderBy(s => s.Year).ToList();
        var (level, growth) = Line(points.Select(p => (double)(p.Year - cut)).ToArray(), points.Select(p => Math.Log(p.Amount!.Value)).ToArray())
            ?? throw LinchpinException.NoData($"us_rok_sma: {points.Count} amounts in {fitFrom}-{cut}; the fit needs at least three years");
        var residuals = points.Select(p => Math.Log(p.Amount!.Value) - level - (growth * (p.Year - cut))).ToList();
        var sd = Math.Sqrt(residuals.Sum(e => e * e) / (points.Count - 2));
        return new SmaScaleFit(fitFrom, cut, level, growth, sd, [.. points.Select(p => p.Year)]);
    }

    /// <summary>The fitted scale in <paramref name="year"/>, billions of won.</summary>
    public static double Predict(SmaScaleFit fit, int year)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return Math.Exp(fit.LogLevel + (fit.Growth * (year - fit.LastYear)));
    }

    // The residual bootstrap: every resample refits the line on y* = ŷ + r*, and a year's draw is
    // the refitted line there plus one more resampled residual; the band is the 5th and 95th percentile.
    private static Func<int, (double Low, double High)> Bootstrap(List<SmaAmount> seen, int cut, int resamples, ulong seed)
    {
        var x = seen.Select(p => (double)(p.Year - cut)).ToArray();
        var y = seen.Select(p => Math.Log(p.Amount!.Value)).ToArray();
        var (a, b) = Line(x, y)!.Value;
        var n = x.Length;
        var mean = x.Average();
        var sxx = x.Sum(v => (v - mean) * (v - mean));
        var modified = x.Select((v, i) => (y[i] - a - (b * v)) / Math.Sqrt(1 - ((1.0 / n) + ((v - mean) * (v - mean) / sxx)))).ToArray();
        var centre = modified.Average();
        for (var i = 0; i < n; i++)
        {
            modified[i] -= centre;
        }

        var lines = new (double A, double B, double Extra)[resamples];
        var resampled = new double[n];
        for (var r = 0; r < resamples; r++)
        {
            var rng = new SimRandom(seed, r);
            for (var i = 0; i < n; i++)
            {
                resampled[i] = a + (b * x[i]) + modified[(int)(rng.NextDouble() * n)];
            }

            var (ra, rb) = Line(x, resampled)!.Value;
            lines[r] = (ra, rb, modified[(int)(rng.NextDouble() * n)]);
        }

        return year =>
        {
            var draws = lines.Select(l => Math.Exp(l.A + (l.B * (year - cut)) + l.Extra)).ToArray();
            Array.Sort(draws);
            return (EnsembleResult.Quantile(draws, 0.05), EnsembleResult.Quantile(draws, 0.95));
        };
    }

    private static (double Intercept, double Slope)? Line(double[] x, double[] y) =>
        ExploitationTest.Fit(x, y) is { } line ? (line.Intercept, line.Slope) : null;

    private static string Ordinal(int n) => HostNationReader.Ordinal(n);
}
