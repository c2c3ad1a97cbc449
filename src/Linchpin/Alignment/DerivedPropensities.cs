using Linchpin.Data;

namespace Linchpin.Alignment;

/// <summary>
/// Builds a landscape from data for a set of states in a year: sizes are their capabilities
/// (CINC), propensities come from alliance-portfolio similarity and strategic rivalries.
/// </summary>
/// <remarks>
/// <para>p_ij = (S_ij − S̄) − r · R_ij(t), where S_ij is Signorino and Ritter's unweighted S of the
/// two states' alliance portfolios with the chosen states as the reference system (as
/// Signorino and Ritter's regional Table 6), S̄ is the mean of S_ij over all chosen pairs (S is high
/// for any two states that share many non-allies, so it is centred to make the propensities tell
/// affinity from aversion), R_ij(t) = 1 if a strategic rivalry (Thompson, Sakuwa and Suhas) between
/// i and j is active in year t, and r ≥ 0 the rivalry weight (default 1).</para>
/// <para>This is Linchpin's derivation, not Axelrod and Bennett's 1993 coding (ethnicity, religion,
/// borders, regime type, war history), which is not available in machine-readable form.</para>
/// </remarks>
public static class DerivedPropensities
{
    /// <summary>The landscape of <paramref name="ccodes"/> in <paramref name="year"/>.</summary>
    /// <param name="portfolios">Alliance portfolios with capabilities.</param>
    /// <param name="year">The year.</param>
    /// <param name="ccodes">COW codes of the actors (distinct).</param>
    /// <param name="names">The actors' names, one per code.</param>
    /// <param name="rivalries">Strategic rivalries.</param>
    /// <param name="rivalryWeight">r ≥ 0.</param>
    /// <exception cref="LinchpinException">A state is outside the system in that year, the year is not covered, or a state has no CINC that year.</exception>
    public static LandscapeProblem Build(AlliancePortfolios portfolios, int year, IReadOnlyList<int> ccodes, IReadOnlyList<string> names, IReadOnlyList<Rivalry> rivalries, double rivalryWeight = 1)
    {
        ArgumentNullException.ThrowIfNull(portfolios);
        ArgumentNullException.ThrowIfNull(ccodes);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(rivalries);
        ArgumentOutOfRangeException.ThrowIfNegative(rivalryWeight);
        if (!portfolios.Covers(year))
        {
            throw LinchpinException.NoData($"{year}: the alliance data ({portfolios.Source}) do not cover this year");
        }

        var n = ccodes.Count;
        var members = portfolios.Members(year);
        var weights = portfolios.Weights(year);
        var sizes = new double[n];
        var vectors = new int[n][];
        for (var i = 0; i < n; i++)
        {
            var full = portfolios.Portfolio(ccodes[i], year)
                ?? throw new LinchpinException($"{names[i]} ({ccodes[i]}) is not in the COW state system in {year}");
            var at = IndexOf(members, ccodes[i]);
            sizes[i] = weights[at] is var w && !double.IsNaN(w) && w > 0
                ? w
                : throw LinchpinException.NoData($"{names[i]} ({ccodes[i]}) has no CINC score in {year}");
            vectors[i] = [.. ccodes.Select(c => full[IndexOf(members, c)])];
        }

        var options = SimilarityOptions.For(portfolios.Coding);
        var s = new double[n * n];
        double sum = 0;
        var pairs = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                s[(i * n) + j] = PortfolioSimilarity.Compare(vectors[i], vectors[j], options).S ?? 0;
                sum += s[(i * n) + j];
                pairs++;
            }
        }

        var mean = pairs > 0 ? sum / pairs : 0;
        var p = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var (a, b) = (Math.Min(ccodes[i], ccodes[j]), Math.Max(ccodes[i], ccodes[j]));
                var rival = rivalries.Any(r => Math.Min(r.Ccode1, r.Ccode2) == a && Math.Max(r.Ccode1, r.Ccode2) == b && r.ActiveIn(year));
                p[(i * n) + j] = p[(j * n) + i] = s[(i * n) + j] - mean - (rival ? rivalryWeight : 0);
            }
        }

        return LandscapeProblem.Create(names, sizes, p);
    }

    private static int IndexOf(IReadOnlyList<int> sorted, int code)
    {
        for (var i = 0; i < sorted.Count; i++)
        {
            if (sorted[i] == code)
            {
                return i;
            }
        }

        return -1;
    }
}
