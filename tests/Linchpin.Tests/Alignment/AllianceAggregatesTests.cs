using System.Globalization;
using Linchpin.Alignment;
using Linchpin.Data;
using Linchpin.Tests.TestSupport;

namespace Linchpin.Tests.Alignment;

/// <summary>
/// Integration check against Alley's alliance-year aggregates of Häge's FPSIM similarity (read
/// from ../shared when present; no licence is stated for the file, so it is not copied). Not an
/// exact oracle: FPSIM's variant settings and ATOP version differ (see docs/models/similarity.md).
/// </summary>
public class AllianceAggregatesTests
{
    private static readonly Lazy<(AllianceYearSimilarity Ours, double[] Alley)[]> Joined = new(Join);

    private static (AllianceYearSimilarity Ours, double[] Alley)[] Join()
    {
        var path = TestPaths.RequireShared("alley_atop_alliance_year_fp_similarity.csv");
        var alley = File.ReadLines(path).Skip(1).Select(l => l.Split(','))
            .Where(f => f[2] != "NA")
            .ToDictionary(
                f => (int.Parse(f[0], CultureInfo.InvariantCulture), int.Parse(f[1], CultureInfo.InvariantCulture)),
                f => f[2..].Select(v => v == "NA" ? double.NaN : double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
        var portfolios = AlliancePortfolios.Build(ShippedDyadData.ReadSpells(), AlliancePledges.Atop().Pledges, PortfolioCoding.Standard, AlliancePledges.Capabilities(), 1816, 2012, "atop_ddy 5.1");
        var ours = AllianceAggregates.Compute(portfolios, AlliancePledges.AtopMemberships(), SimilarityOptions.For(PortfolioCoding.Standard));
        return [.. ours.Where(o => alley.ContainsKey((o.AllianceId, o.Year))).Select(o => (o, alley[(o.AllianceId, o.Year)]))];
    }

    /// <summary>Pearson correlation and mean absolute difference over the pairs where both are present.</summary>
    internal static (double R, double Mad, int N) Agreement(Func<AllianceYearSimilarity, double?> ours, int alleyColumn)
    {
        var pairs = Joined.Value.Where(j => ours(j.Ours) is not null && !double.IsNaN(j.Alley[alleyColumn])).Select(j => (X: ours(j.Ours)!.Value, Y: j.Alley[alleyColumn])).ToArray();
        var (mx, my) = (pairs.Average(p => p.X), pairs.Average(p => p.Y));
        var cov = pairs.Sum(p => (p.X - mx) * (p.Y - my));
        var r = cov / Math.Sqrt(pairs.Sum(p => (p.X - mx) * (p.X - mx)) * pairs.Sum(p => (p.Y - my) * (p.Y - my)));
        return (r, pairs.Average(p => Math.Abs(p.X - p.Y)), pairs.Length);
    }

    [Fact]
    public void Capability_weighted_S_kappa_and_pi_track_Alley_closely()
    {
        // Measured: mean S_w r = 0.918 (MAD 0.087), mean π r = 0.963 (0.077), mean κ r = 0.947 (0.088), n = 12,488.
        foreach (var (ours, column) in new (Func<AllianceYearSimilarity, double?>, int)[] { (o => o.MeanSWeighted, 0), (o => o.LowSWeighted, 1), (o => o.MeanPi, 2), (o => o.LowPi, 3), (o => o.MeanKappa, 4), (o => o.LowKappa, 5) })
        {
            var (r, mad, n) = Agreement(ours, column);
            Assert.True(r > 0.9 && mad < 0.1 && n > 12_000, $"column {column}: r = {r}, MAD = {mad}, n = {n}");
        }
    }

    [Fact]
    public void Alley_S_is_the_capability_weighted_variant()
    {
        // Measured: unweighted mean S r = 0.721 (MAD 0.170) against weighted 0.918 (0.087).
        Assert.True(Agreement(o => o.MeanSWeighted, 0).R > Agreement(o => o.MeanS, 0).R + 0.1);
    }
}
