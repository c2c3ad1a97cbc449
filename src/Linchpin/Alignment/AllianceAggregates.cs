namespace Linchpin.Alignment;

/// <summary>The similarity of an alliance's members in one year: mean and minimum over every pair of members.</summary>
/// <param name="AllianceId">The alliance (ATOP id).</param>
/// <param name="Year">The year.</param>
/// <param name="Members">The number of members in the state system that year.</param>
/// <param name="MeanS">Mean unweighted S over member pairs.</param>
/// <param name="LowS">Minimum unweighted S.</param>
/// <param name="MeanSWeighted">Mean CINC-weighted S.</param>
/// <param name="LowSWeighted">Minimum CINC-weighted S.</param>
/// <param name="MeanKappa">Mean κ.</param>
/// <param name="LowKappa">Minimum κ.</param>
/// <param name="MeanPi">Mean π.</param>
/// <param name="LowPi">Minimum π.</param>
public sealed record AllianceYearSimilarity(
    int AllianceId, int Year, int Members, double? MeanS, double? LowS, double? MeanSWeighted, double? LowSWeighted, double? MeanKappa, double? LowKappa, double? MeanPi, double? LowPi);

/// <summary>
/// Alliance-year aggregates of dyadic portfolio similarity among an alliance's members, the
/// form in which Alley (2021) uses Häge's FPSIM data: the mean and the minimum of S, κ and π over
/// every pair of members.
/// </summary>
/// <remarks>Pairs whose measure is undefined are left out of that measure's mean and minimum; an alliance-year with fewer than two members in the system has no values.</remarks>
public static class AllianceAggregates
{
    /// <summary>The aggregates of every (alliance, year) in <paramref name="memberships"/> that <paramref name="portfolios"/> covers.</summary>
    /// <param name="portfolios">Coded portfolios.</param>
    /// <param name="memberships">(alliance id, year, member COW code) triples.</param>
    /// <param name="options">Similarity settings.</param>
    public static IReadOnlyList<AllianceYearSimilarity> Compute(AlliancePortfolios portfolios, IEnumerable<(int AllianceId, int Year, int Ccode)> memberships, SimilarityOptions options)
    {
        ArgumentNullException.ThrowIfNull(portfolios);
        ArgumentNullException.ThrowIfNull(memberships);
        ArgumentNullException.ThrowIfNull(options);
        var groups = memberships
            .Where(m => portfolios.Covers(m.Year) && portfolios.InSystem(m.Ccode, m.Year))
            .GroupBy(m => (m.AllianceId, m.Year))
            .OrderBy(g => g.Key.AllianceId).ThenBy(g => g.Key.Year)
            .Select(g => (g.Key, Members: g.Select(m => m.Ccode).Distinct().Order().ToArray()))
            .ToArray();
        var result = new AllianceYearSimilarity[groups.Length];
        Parallel.For(0, groups.Length, i =>
        {
            var (key, members) = groups[i];
            var scores = new List<SimilarityScores>();
            for (var a = 0; a < members.Length; a++)
            {
                for (var b = a + 1; b < members.Length; b++)
                {
                    scores.Add(portfolios.Compare(members[a], members[b], key.Year, options)!);
                }
            }

            (double?, double?) Of(Func<SimilarityScores, double?> pick)
            {
                var values = scores.Select(pick).Where(v => v is not null).Select(v => v!.Value).ToArray();
                return values.Length == 0 ? (null, null) : (values.Average(), values.Min());
            }

            var (meanS, lowS) = Of(s => s.S);
            var (meanW, lowW) = Of(s => s.SWeighted);
            var (meanK, lowK) = Of(s => s.Kappa);
            var (meanP, lowP) = Of(s => s.Pi);
            result[i] = new AllianceYearSimilarity(key.AllianceId, key.Year, members.Length, meanS, lowS, meanW, lowW, meanK, lowK, meanP, lowP);
        });
        return result;
    }
}
