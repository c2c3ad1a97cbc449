using MathNet.Numerics.RootFinding;

namespace Linchpin.Analysis;

/// <summary>One alliance as the duration analysis sees it: when it began, when it ended, and two of its provisions.</summary>
/// <remarks>Missing values stay missing: a month the source does not give is <c>null</c>, never 0.</remarks>
public sealed record AllianceSpan
{
    /// <summary>Creates a span.</summary>
    /// <param name="atopId">The alliance's id in its source (ATOP atopid).</param>
    /// <param name="beginYear">Year it began.</param>
    /// <param name="beginMonth">Month it began, 1–12, or <c>null</c> when unknown (taken as mid-year).</param>
    /// <param name="endYear">Year it ended, or <c>null</c> while in effect at the end of the data; not before <paramref name="beginYear"/>.</param>
    /// <param name="endMonth">Month it ended, 1–12, or <c>null</c> when unknown (taken as mid-year); must be <c>null</c> when <paramref name="endYear"/> is.</param>
    /// <param name="bilateral">Whether it has exactly two members; <c>null</c> when unknown.</param>
    /// <param name="defense">Whether any member pledges active military support if another is attacked; <c>null</c> when unknown.</param>
    /// <exception cref="ArgumentOutOfRangeException">A month outside 1–12, an end year before the begin year, or an end month without an end year.</exception>
    public AllianceSpan(int atopId, int beginYear, int? beginMonth, int? endYear, int? endMonth, bool? bilateral, bool? defense)
    {
        CheckMonth(beginMonth, nameof(beginMonth));
        CheckMonth(endMonth, nameof(endMonth));
        if (endYear is { } end && end < beginYear)
        {
            throw new ArgumentOutOfRangeException(nameof(endYear), end, $"alliance {atopId} cannot end before it began ({beginYear})");
        }

        if (endYear is null && endMonth is not null)
        {
            throw new ArgumentOutOfRangeException(nameof(endMonth), endMonth, $"alliance {atopId} has an end month but no end year");
        }

        AtopId = atopId;
        BeginYear = beginYear;
        BeginMonth = beginMonth;
        EndYear = endYear;
        EndMonth = endMonth;
        Bilateral = bilateral;
        Defense = defense;
    }

    /// <summary>The alliance's id in its source (ATOP atopid).</summary>
    public int AtopId { get; }

    /// <summary>Year it began.</summary>
    public int BeginYear { get; }

    /// <summary>Month it began, 1–12, or <c>null</c> when unknown.</summary>
    public int? BeginMonth { get; }

    /// <summary>Year it ended, or <c>null</c> while in effect at the end of the data.</summary>
    public int? EndYear { get; }

    /// <summary>Month it ended, 1–12, or <c>null</c> when unknown or still in effect.</summary>
    public int? EndMonth { get; }

    /// <summary>Whether it has exactly two members; <c>null</c> when unknown.</summary>
    public bool? Bilateral { get; }

    /// <summary>Whether any member pledges active military support if another is attacked; <c>null</c> when unknown.</summary>
    public bool? Defense { get; }

    private static void CheckMonth(int? month, string name)
    {
        if (month is { } m && m is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(name, m, "a month must lie in 1-12 (or be missing)");
        }
    }
}

/// <summary>An observed lifetime: how long a unit was watched, and whether it ended then (an event) or was still going (right-censored).</summary>
public readonly record struct Lifetime
{
    /// <summary>Creates a lifetime.</summary>
    /// <param name="years">Time observed, in years; finite and &gt; 0.</param>
    /// <param name="ended"><c>true</c> if the unit ended at <paramref name="years"/>, <c>false</c> if it was still going (censored).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="years"/> is not finite and positive.</exception>
    public Lifetime(double years, bool ended)
    {
        if (!(years > 0 && double.IsFinite(years)))
        {
            throw new ArgumentOutOfRangeException(nameof(years), years, "a lifetime must be finite and positive");
        }

        Years = years;
        Ended = ended;
    }

    /// <summary>Time observed, in years (&gt; 0).</summary>
    public double Years { get; }

    /// <summary><c>true</c> if the unit ended at <see cref="Years"/>; <c>false</c> if it was right-censored there.</summary>
    public bool Ended { get; }
}

/// <summary>Counts, exposure and the constant (exponential) hazard of a set of lifetimes.</summary>
/// <param name="Alliances">Lifetimes counted.</param>
/// <param name="Terminations">Those that ended (events).</param>
/// <param name="Censored">Those still going when observation stopped.</param>
/// <param name="Exposure">Total time at risk, Σ tᵢ, in alliance-years.</param>
public sealed record DurationCounts(int Alliances, int Terminations, int Censored, double Exposure)
{
    /// <summary>The constant hazard h = events / exposure, per alliance-year (the exponential MLE); <c>null</c> without exposure.</summary>
    public double? Hazard => Exposure > 0 ? Terminations / Exposure : null;

    /// <summary>The mean life 1/h under the constant hazard, in years; <c>null</c> without events.</summary>
    public double? MeanLife => Terminations > 0 ? Exposure / Terminations : null;
}

/// <summary>One distinct observed time of a Kaplan–Meier curve.</summary>
/// <param name="Time">The time, in years.</param>
/// <param name="AtRisk">Units with a lifetime of at least <paramref name="Time"/> (those censored at this time included).</param>
/// <param name="Events">Units that ended at this time.</param>
/// <param name="Censored">Units censored at this time.</param>
/// <param name="Survival">Ŝ(t) just after this time.</param>
public sealed record KaplanMeierStep(double Time, int AtRisk, int Events, int Censored, double Survival);

/// <summary>A Kaplan–Meier survival curve: Ŝ(t) = Π over event times tᵢ ≤ t of (1 − dᵢ/nᵢ).</summary>
public sealed class KaplanMeierCurve
{
    internal KaplanMeierCurve(IReadOnlyList<KaplanMeierStep> steps) => Steps = steps;

    /// <summary>Every distinct observed time (events and censorings), in increasing order.</summary>
    public IReadOnlyList<KaplanMeierStep> Steps { get; }

    /// <summary>
    /// The median survival time: the smallest event time with Ŝ(t) ≤ 0.5, in years; <c>null</c> when the
    /// curve never falls to 0.5 (the median is then not identified by the data).
    /// </summary>
    public double? Median => Steps.FirstOrDefault(s => s.Events > 0 && s.Survival <= 0.5)?.Time;

    /// <summary>
    /// Ŝ(<paramref name="years"/>), right-continuous: events at exactly <paramref name="years"/> are included.
    /// <c>null</c> beyond the largest observed time when a unit is censored there (the curve is undefined
    /// beyond it), and for an empty curve.
    /// </summary>
    /// <param name="years">Age in years, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="years"/> is negative or not finite.</exception>
    public double? Survival(double years)
    {
        if (!(years >= 0 && double.IsFinite(years)))
        {
            throw new ArgumentOutOfRangeException(nameof(years), years, "an age must be finite and non-negative");
        }

        // Beyond the last time the curve is known only if it has fallen to 0 (every unit there ended).
        if (Steps.Count == 0 || (years > Steps[^1].Time && Steps[^1].Survival > 0))
        {
            return null;
        }

        var survival = 1.0;
        foreach (var step in Steps)
        {
            if (step.Time > years)
            {
                break;
            }

            survival = step.Survival;
        }

        return survival;
    }
}

/// <summary>Ŝ at one age.</summary>
/// <param name="Years">The age, in years.</param>
/// <param name="Survival">Kaplan–Meier Ŝ(t); <c>null</c> where the curve is undefined.</param>
public sealed record SurvivalAt(double Years, double? Survival);

/// <summary>The constant hazard within one age band: events with age in (From, To], over the time spent in the band.</summary>
/// <param name="From">Start of the band, in years.</param>
/// <param name="To">End of the band, in years; <c>null</c> for the open last band.</param>
/// <param name="Events">Units that ended at an age in (From, To].</param>
/// <param name="Exposure">Time spent in the band, Σ max(0, min(tᵢ, To) − From), in alliance-years.</param>
public sealed record AgeBandHazard(double From, double? To, int Events, double Exposure)
{
    /// <summary>Events / exposure, per alliance-year; <c>null</c> when nobody reached the band.</summary>
    public double? Hazard => Exposure > 0 ? Events / Exposure : null;
}

/// <summary>
/// A Weibull survival model fitted by maximum likelihood: S(t) = exp(−(t/λ)^k), hazard
/// h(t) = (k/λ)(t/λ)^(k−1). k &lt; 1 is a hazard that falls with age, k = 1 a constant hazard 1/λ.
/// </summary>
/// <param name="Shape">Shape k &gt; 0.</param>
/// <param name="Scale">Scale λ &gt; 0, in years.</param>
/// <param name="LogLikelihood">The maximised log-likelihood (times in years).</param>
public sealed record WeibullFit(double Shape, double Scale, double LogLikelihood)
{
    /// <summary>The hazard h(t) = (k/λ)(t/λ)^(k−1) per year at age <paramref name="years"/> (&gt; 0).</summary>
    public double Hazard(double years) => Shape / Scale * Math.Pow(years / Scale, Shape - 1);

    /// <summary>The cumulative hazard H(t) = (t/λ)^k at age <paramref name="years"/> (≥ 0).</summary>
    public double CumulativeHazard(double years) => Math.Pow(years / Scale, Shape);

    /// <summary>The survival S(t) = exp(−(t/λ)^k) at age <paramref name="years"/> (≥ 0).</summary>
    public double Survival(double years) => Math.Exp(-CumulativeHazard(years));
}

/// <summary>The constant hazard of a subgroup of alliances.</summary>
/// <param name="Name">Short name: <c>formed_before_1945</c>, <c>formed_1945_or_later</c>, <c>bilateral</c>, <c>multilateral</c>, <c>defense</c>, <c>no_defense</c>.</param>
/// <param name="Description">The subgroup in words (e.g. <c>bilateral alliances (two members)</c>).</param>
/// <param name="Counts">Its counts, exposure and hazard.</param>
public sealed record GroupHazard(string Name, string Description, DurationCounts Counts);

/// <summary>What <see cref="AllianceDuration.Baseline"/> computes.</summary>
/// <remarks>The defaults are model 9 §9.2's: censoring at 2017.0, Ŝ at 1, 5, 10, 20 and 50 years, bands starting at 0, 2, 5, 10, 20 and 50 years.</remarks>
public sealed record DurationOptions
{
    /// <summary>Model 9's censoring time: the start of 2017, the year after ATOP 4.01's last.</summary>
    public const double DefaultCensorYear = 2017.0;

    /// <summary>
    /// When observation stops, as a calendar time in years (2017.0 is the start of 2017). Alliances in
    /// effect then are right-censored there; an alliance that ended later counts as in effect; an
    /// alliance that began at or after it is left out.
    /// </summary>
    public double CensorYear { get; init; } = DefaultCensorYear;

    /// <summary>Ages (years, ≥ 0) at which to report the Kaplan–Meier Ŝ(t).</summary>
    public IReadOnlyList<double> SurvivalAges { get; init; } = [1, 5, 10, 20, 50];

    /// <summary>Starts of the age bands for the piecewise-constant hazard (years, ≥ 0, increasing); the last band is open.</summary>
    public IReadOnlyList<double> BandStarts { get; init; } = [0, 2, 5, 10, 20, 50];

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite, an age is negative, or band starts do not increase.</exception>
    public DurationOptions Validated()
    {
        if (!double.IsFinite(CensorYear))
        {
            throw new ArgumentOutOfRangeException(nameof(CensorYear), CensorYear, "the censoring year must be finite");
        }

        ArgumentNullException.ThrowIfNull(SurvivalAges);
        if (SurvivalAges.Any(t => !(t >= 0 && double.IsFinite(t))))
        {
            throw new ArgumentOutOfRangeException(nameof(SurvivalAges), "ages must be finite and non-negative");
        }

        AllianceDuration.CheckBands(BandStarts, nameof(BandStarts));
        return this;
    }
}

/// <summary>The empirical alliance-duration baseline (model 9 §9.2).</summary>
/// <param name="CensorYear">When observation stopped (calendar years).</param>
/// <param name="All">Counts, exposure and constant hazard of every alliance observed.</param>
/// <param name="LeftOut">Alliances left out because they began at or after <paramref name="CensorYear"/>.</param>
/// <param name="KaplanMeier">The Kaplan–Meier curve.</param>
/// <param name="Survival">Ŝ(t) at the ages asked for.</param>
/// <param name="Bands">Piecewise-constant hazards by age band.</param>
/// <param name="Weibull">The Weibull fit without covariates; <c>null</c> when the maximum-likelihood estimate does not exist.</param>
/// <param name="Groups">Constant hazards of the subgroups (era of formation, bilateral or multilateral, defence obligation or not).</param>
public sealed record DurationBaseline(
    double CensorYear,
    DurationCounts All,
    int LeftOut,
    KaplanMeierCurve KaplanMeier,
    IReadOnlyList<SurvivalAt> Survival,
    IReadOnlyList<AgeBandHazard> Bands,
    WeibullFit? Weibull,
    IReadOnlyList<GroupHazard> Groups);

/// <summary>
/// Alliance duration and termination hazards without covariates: lifetimes from begin and end dates,
/// the constant (exponential) hazard, Kaplan–Meier survival, piecewise-constant hazards by age and
/// the Weibull maximum-likelihood fit (model 9 §9.2; Bennett 1997; Leeds and Savun 2007).
/// </summary>
/// <remarks>
/// Calendar time of a month m of year y is y + (m − 0.5)/12 (the middle of the month; a missing month
/// is the middle of the year, y + 0.5). Duration = end − begin, at least half a month (1/24 year).
/// An alliance without an end is right-censored at the censoring time. Durations are computed in
/// whole half-months, so equal durations are equal to the bit and ties are exact.
/// </remarks>
public static class AllianceDuration
{
    /// <summary>The shortest duration: half a month, in years.</summary>
    public const double MinimumYears = 1.0 / 24;

    private const int HalfMonthsPerYear = 24;

    /// <summary>The calendar time of the middle of a month, y + (m − 0.5)/12, or mid-year y + 0.5 when the month is missing.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">The month, 1–12, or <c>null</c>.</param>
    public static double Time(int year, int? month) => HalfMonths(year, month) / (double)HalfMonthsPerYear;

    /// <summary>
    /// The lifetime of an alliance observed until <paramref name="censorYear"/>: ended if it ended no later
    /// than then, else censored then; <c>null</c> if it began at or after <paramref name="censorYear"/>.
    /// </summary>
    /// <param name="alliance">The alliance.</param>
    /// <param name="censorYear">When observation stops, as a calendar time (2017.0 is the start of 2017).</param>
    public static Lifetime? ToLifetime(AllianceSpan alliance, double censorYear = DurationOptions.DefaultCensorYear)
    {
        ArgumentNullException.ThrowIfNull(alliance);
        if (!double.IsFinite(censorYear))
        {
            throw new ArgumentOutOfRangeException(nameof(censorYear), censorYear, "the censoring year must be finite");
        }

        var begin = HalfMonths(alliance.BeginYear, alliance.BeginMonth);
        var censor = censorYear * HalfMonthsPerYear;
        if (begin >= censor)
        {
            return null;
        }

        if (alliance.EndYear is { } endYear)
        {
            var end = HalfMonths(endYear, alliance.EndMonth);
            if (end <= censor)
            {
                return new Lifetime(Math.Max((end - begin) / (double)HalfMonthsPerYear, MinimumYears), ended: true);
            }
        }

        return new Lifetime(Math.Max((censor - begin) / HalfMonthsPerYear, MinimumYears), ended: false);
    }

    /// <summary>Counts, exposure and the constant hazard of a set of lifetimes.</summary>
    public static DurationCounts Counts(IReadOnlyList<Lifetime> lifetimes)
    {
        CheckLifetimes(lifetimes);
        var events = lifetimes.Count(l => l.Ended);
        return new DurationCounts(lifetimes.Count, events, lifetimes.Count - events, lifetimes.Sum(l => l.Years));
    }

    /// <summary>The Kaplan–Meier curve (product-limit estimator; units censored at an event time count as at risk at it).</summary>
    public static KaplanMeierCurve KaplanMeier(IReadOnlyList<Lifetime> lifetimes)
    {
        CheckLifetimes(lifetimes);
        var sorted = lifetimes.OrderBy(l => l.Years).ToArray();
        var steps = new List<KaplanMeierStep>();
        var survival = 1.0;
        for (var i = 0; i < sorted.Length;)
        {
            var time = sorted[i].Years;
            var atRisk = sorted.Length - i;
            var events = 0;
            var censored = 0;
            for (; i < sorted.Length && sorted[i].Years == time; i++)
            {
                if (sorted[i].Ended)
                {
                    events++;
                }
                else
                {
                    censored++;
                }
            }

            survival *= 1 - (events / (double)atRisk);
            steps.Add(new KaplanMeierStep(time, atRisk, events, censored, survival));
        }

        return new KaplanMeierCurve(steps);
    }

    /// <summary>
    /// Piecewise-constant hazards: for each band (a, b], events with lifetime in (a, b] over the time spent
    /// in it, Σ max(0, min(tᵢ, b) − a). A unit that ends at exactly b ends in the band whose exposure it
    /// completed. The last band is open, (a, ∞).
    /// </summary>
    /// <param name="lifetimes">The lifetimes.</param>
    /// <param name="bandStarts">Band starts in years, ≥ 0 and increasing (e.g. 0, 2, 5, 10, 20, 50).</param>
    public static IReadOnlyList<AgeBandHazard> PiecewiseHazards(IReadOnlyList<Lifetime> lifetimes, IReadOnlyList<double> bandStarts)
    {
        CheckLifetimes(lifetimes);
        CheckBands(bandStarts, nameof(bandStarts));
        var bands = new List<AgeBandHazard>(bandStarts.Count);
        for (var j = 0; j < bandStarts.Count; j++)
        {
            var from = bandStarts[j];
            var to = j + 1 < bandStarts.Count ? bandStarts[j + 1] : double.PositiveInfinity;
            var events = lifetimes.Count(l => l.Ended && l.Years > from && l.Years <= to);
            var exposure = lifetimes.Sum(l => Math.Max(0, Math.Min(l.Years, to) - from));
            bands.Add(new AgeBandHazard(from, double.IsPositiveInfinity(to) ? null : to, events, exposure));
        }

        return bands;
    }

    /// <summary>
    /// The Weibull maximum-likelihood fit with right censoring:
    /// ℓ(k, λ) = Σ_events [ln k − k ln λ + (k − 1) ln tᵢ] − Σ_all (tᵢ/λ)^k. For fixed k the optimum is
    /// λ^k = Σ tᵢ^k / d; k solves the profile score d/k + Σ_events ln tᵢ − d Σ tᵢ^k ln tᵢ / Σ tᵢ^k = 0
    /// (strictly decreasing in k), found by Brent's method.
    /// </summary>
    /// <returns>The fit, or <c>null</c> when the estimate does not exist: no events, or every event at the largest observed time.</returns>
    public static WeibullFit? FitWeibull(IReadOnlyList<Lifetime> lifetimes)
    {
        CheckLifetimes(lifetimes);
        var events = lifetimes.Count(l => l.Ended);
        if (events == 0)
        {
            return null;
        }

        var longest = lifetimes.Max(l => l.Years);
        if (lifetimes.Where(l => l.Ended).All(l => l.Years == longest))
        {
            return null;
        }

        // Ratios to the longest lifetime keep every power in (0, 1]; the score does not depend on the unit of time.
        var logs = lifetimes.Select(l => Math.Log(l.Years)).ToArray();
        var logLongest = Math.Log(longest);
        var sumLogEvents = lifetimes.Select((l, i) => l.Ended ? logs[i] : 0).Sum();
        (double Sum, double SumLog) Powers(double k)
        {
            double sum = 0, sumLog = 0;
            foreach (var log in logs)
            {
                var w = Math.Exp(k * (log - logLongest));
                sum += w;
                sumLog += w * log;
            }

            return (sum, sumLog);
        }

        double Score(double k)
        {
            var (sum, sumLog) = Powers(k);
            return (events / k) + sumLogEvents - (events * sumLog / sum);
        }

        double low = 1, high = 1;
        while (Score(low) <= 0)
        {
            low /= 2;
        }

        while (Score(high) >= 0)
        {
            high *= 2;
        }

        var shape = Brent.FindRoot(Score, low, high, 1e-13, 500);
        var scale = longest * Math.Pow(Powers(shape).Sum / events, 1 / shape);
        var logLikelihood = (events * (Math.Log(shape) - (shape * Math.Log(scale)))) + ((shape - 1) * sumLogEvents)
            - lifetimes.Sum(l => Math.Pow(l.Years / scale, shape));
        return new WeibullFit(shape, scale, logLikelihood);
    }

    /// <summary>
    /// The §9.2 baseline of a set of alliances: counts and exposure, the constant hazard, Kaplan–Meier
    /// survival and median, piecewise hazards by age, the Weibull fit, and the constant hazards of the
    /// subgroups (formed before 1945 or from 1945; bilateral or multilateral; with a defence obligation or
    /// without). An alliance whose bilateral or defence flag is missing is in neither group of that pair.
    /// </summary>
    /// <param name="alliances">The alliances.</param>
    /// <param name="options">What to compute; model 9's defaults when <c>null</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The options are invalid.</exception>
    public static DurationBaseline Baseline(IEnumerable<AllianceSpan> alliances, DurationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(alliances);
        options = (options ?? new DurationOptions()).Validated();
        var censorYear = options.CensorYear;
        var all = alliances.ToList();
        var observed = all.Select(a => (Alliance: a, Lifetime: ToLifetime(a, censorYear)))
            .Where(x => x.Lifetime is not null)
            .Select(x => (x.Alliance, Lifetime: x.Lifetime!.Value))
            .ToList();
        var lifetimes = observed.Select(x => x.Lifetime).ToList();
        var curve = KaplanMeier(lifetimes);

        GroupHazard Group(string name, string description, Func<AllianceSpan, bool> member) =>
            new(name, description, Counts([.. observed.Where(x => member(x.Alliance)).Select(x => x.Lifetime)]));

        return new DurationBaseline(
            censorYear,
            Counts(lifetimes),
            all.Count - observed.Count,
            curve,
            [.. options.SurvivalAges.Select(t => new SurvivalAt(t, curve.Survival(t)))],
            PiecewiseHazards(lifetimes, options.BandStarts),
            FitWeibull(lifetimes),
            [
                Group("formed_before_1945", "alliances formed before 1945", a => a.BeginYear < 1945),
                Group("formed_1945_or_later", "alliances formed in 1945 or later", a => a.BeginYear >= 1945),
                Group("bilateral", "bilateral alliances (two members)", a => a.Bilateral == true),
                Group("multilateral", "multilateral alliances (three or more members)", a => a.Bilateral == false),
                Group("defense", "alliances with a defence obligation", a => a.Defense == true),
                Group("no_defense", "alliances without a defence obligation", a => a.Defense == false),
            ]);
    }

    internal static void CheckBands(IReadOnlyList<double> bandStarts, string name)
    {
        ArgumentNullException.ThrowIfNull(bandStarts, name);
        if (bandStarts.Count == 0)
        {
            throw new ArgumentOutOfRangeException(name, "at least one band is needed");
        }

        for (var j = 0; j < bandStarts.Count; j++)
        {
            if (!(bandStarts[j] >= 0 && double.IsFinite(bandStarts[j])) || (j > 0 && bandStarts[j] <= bandStarts[j - 1]))
            {
                throw new ArgumentOutOfRangeException(name, bandStarts[j], "band starts must be finite, non-negative and increasing");
            }
        }
    }

    private static void CheckLifetimes(IReadOnlyList<Lifetime> lifetimes)
    {
        ArgumentNullException.ThrowIfNull(lifetimes);
        foreach (var l in lifetimes)
        {
            if (!(l.Years > 0 && double.IsFinite(l.Years)))
            {
                throw new ArgumentOutOfRangeException(nameof(lifetimes), l.Years, "a lifetime must be finite and positive (default(Lifetime) is not one)");
            }
        }
    }

    private static int HalfMonths(int year, int? month) => (year * HalfMonthsPerYear) + (month is { } m ? (2 * m) - 1 : HalfMonthsPerYear / 2);
}
