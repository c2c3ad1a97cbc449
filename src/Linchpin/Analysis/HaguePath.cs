namespace Linchpin.Analysis;

/// <summary>One ally's figure in one year, with the edition it comes from.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="PctGdp">Defence expenditure as % of GDP.</param>
/// <param name="Estimate">Whether the figure is NATO's estimate.</param>
/// <param name="Edition">The NATO edition the figure is from.</param>
public sealed record YearFigure(int Year, double PctGdp, bool Estimate, string Edition);

/// <summary>An ally's straight path from its latest figure to one Hague target, and whether its recent years kept that pace.</summary>
/// <param name="Target">Target level in % of GDP (3.5 core, or 5).</param>
/// <param name="Latest">The ally's latest figure: the start of the path.</param>
/// <param name="NeededPerYear">Percentage points a year the straight path needs, (target − latest) / (2035 − latest year); 0 when the ally is at or above the target.</param>
/// <param name="Baseline">The figure the recent pace is measured from (the earliest of the three years before the latest); <c>null</c> without one.</param>
/// <param name="RecentPerYear">The ally's own pace over those years, (latest − baseline) / years between; <c>null</c> without a baseline.</param>
/// <param name="OnPath">Whether the recent pace is at least the pace needed (true when already at the target); <c>null</c> without a baseline.</param>
public sealed record HaguePath(double Target, YearFigure Latest, double NeededPerYear, YearFigure? Baseline, double? RecentPerYear, bool? OnPath)
{
    /// <summary>The straight path's value in <paramref name="year"/>, between the latest year and 2035 (the target itself afterwards).</summary>
    public double PathValue(int year) =>
        year >= HaguePaths.TargetYear ? Math.Max(Target, Latest.PctGdp) : Latest.PctGdp + (NeededPerYear * (year - Latest.Year));
}

/// <summary>
/// The Hague Summit Declaration (25 June 2025): allies commit to 5 % of GDP a year on defence by 2035,
/// of which at least 3.5 % on core defence as NATO defines it and up to 1.5 % on defence- and
/// security-related spending (infrastructure, resilience, industrial base). For each ally: the straight
/// path from its latest figure to the target in 2035, the yearly increase it needs, and whether its pace
/// over the last three years matches that increase.
/// </summary>
/// <remarks>
/// needed = max(0, τ − b_L) / (2035 − L); recent = (b_L − b_B) / (L − B), with B the earliest year in
/// L − 3 … L − 1 with a figure; on path ⇔ recent ≥ needed (or b_L ≥ τ). The straight line is an
/// assumption of this tool (the Declaration sets only the end point and a review in 2029), and the data
/// hold no related spending, so the 5 % path counts NATO-defined defence spending only: the most an
/// ally could need, when it counts no related spending at all.
/// </remarks>
public static class HaguePaths
{
    /// <summary>The year the Hague targets are to be met.</summary>
    public const int TargetYear = 2035;

    /// <summary>How many years back the recent pace is measured.</summary>
    public const int RecentYears = 3;

    /// <summary>The path to <paramref name="target"/> from an ally's figures; <c>null</c> without a figure, or when the latest is at or after 2035.</summary>
    /// <param name="history">The ally's figures, any order, at most one per year.</param>
    /// <param name="target">Target in % of GDP (0–100).</param>
    public static HaguePath? For(IReadOnlyList<YearFigure> history, double target)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (target is <= 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "a target in % of GDP, in (0, 100]");
        }

        if (history.Count == 0)
        {
            return null;
        }

        var latest = history.MaxBy(f => f.Year)!;
        if (latest.Year >= TargetYear)
        {
            return null;
        }

        var needed = Math.Max(0, target - latest.PctGdp) / (TargetYear - latest.Year);
        var baseline = history.Where(f => f.Year >= latest.Year - RecentYears && f.Year < latest.Year).MinBy(f => f.Year);
        double? recent = baseline is null ? null : (latest.PctGdp - baseline.PctGdp) / (latest.Year - baseline.Year);
        bool? onPath = latest.PctGdp >= target ? true : recent is { } r ? r >= needed : null;
        return new HaguePath(target, latest, needed, baseline, recent, onPath);
    }
}
