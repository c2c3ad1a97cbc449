using FsCheck.Xunit;
using Linchpin.Data;
using Linchpin.Games.Bargaining;
using Linchpin.Tests.TestSupport;
using Linchpin.Validation;

namespace Linchpin.Tests.Validation;

/// <summary>
/// The SMA backtest: the held-out agreements never reach the fit, the scores equal a hand
/// computation on the published amounts, the fit is the closed-form least-squares line, and the
/// settlement step's homogeneity that reduces the model to a value scale holds.
/// </summary>
public sealed class SmaBacktestTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    // The published amounts of the held-out years (us_rok_sma, billions of won): 10th SMA 2019, 11th 2020-2022 and 2025, 12th 2026.
    private static readonly (int Year, double Amount)[] HeldOut = [(2019, 1038.9), (2020, 1038.9), (2021, 1183.3), (2022, 1247.1), (2025, 1402.8), (2026, 1519.2)];

    private IReadOnlyList<SmaAmount> History => HostNationReader.SmaHistory(fixture.Store);

    [Fact]
    public void Changing_or_removing_a_held_out_amount_leaves_the_fit_and_the_band_bit_identical()
    {
        var shipped = SmaBacktest.Run(History, resamples: 200);
        var doubled = SmaBacktest.Run([.. History.Select(h => h.Year > 2018 && h.Amount is { } a ? h with { Amount = 2 * a } : h)], resamples: 200);
        var dropped = SmaBacktest.Run([.. History.Select(h => h.Year == 2021 ? h with { Amount = null } : h)], resamples: 200);

        foreach (var other in new[] { doubled, dropped })
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(shipped.Fit.LogLevel), BitConverter.DoubleToInt64Bits(other.Fit.LogLevel));
            Assert.Equal(BitConverter.DoubleToInt64Bits(shipped.Fit.Growth), BitConverter.DoubleToInt64Bits(other.Fit.Growth));
            Assert.Equal(BitConverter.DoubleToInt64Bits(shipped.Fit.ResidualSd), BitConverter.DoubleToInt64Bits(other.Fit.ResidualSd));
            foreach (var year in other.Years)
            {
                var same = shipped.Years.Single(y => y.Year == year.Year);
                Assert.Equal(BitConverter.DoubleToInt64Bits(same.Predicted), BitConverter.DoubleToInt64Bits(year.Predicted));
                Assert.Equal(BitConverter.DoubleToInt64Bits(same.Low), BitConverter.DoubleToInt64Bits(year.Low));
                Assert.Equal(BitConverter.DoubleToInt64Bits(same.High), BitConverter.DoubleToInt64Bits(year.High));
            }
        }

        // The scores do see the change (so the comparison above is not vacuous).
        Assert.NotEqual(shipped.Model.Mae, doubled.Model.Mae);
        Assert.Equal([2021, 2023, 2024], dropped.Missing);
        Assert.Equal(Enumerable.Range(2005, 14), shipped.Fit.Years);
    }

    [Fact]
    public void The_scores_equal_a_hand_computation_on_the_published_amounts()
    {
        var result = SmaBacktest.Run(History, resamples: 200);

        Assert.Equal(HeldOut.Select(h => h.Year), result.Years.Select(y => y.Year));
        Assert.Equal(HeldOut.Select(h => h.Amount), result.Years.Select(y => y.Actual));
        Assert.Equal([10, 11, 11, 11, 11, 12], result.Years.Select(y => y.Agreement));

        // 2018 (KRW 960.2 bn) carried forward: errors −78.7, −78.7, −223.1, −286.9, −442.6, −559.0; sum 1,669.0.
        var carried = result.Baselines.Single(b => b.Name == "2018 carried forward");
        Assert.Equal(1669.0 / 6, carried.Mae, 1e-9);
        Assert.Equal(-1669.0 / 6, carried.Bias, 1e-9);
        Assert.True(double.IsNaN(carried.Spearman));

        // The 9th SMA's first year (920.0) carried forward: errors sum to 1,910.2.
        Assert.Equal(1910.2 / 6, result.Baselines.Single(b => b.Name.StartsWith("9th SMA's first year", StringComparison.Ordinal)).Mae, 1e-9);

        // The model rises every year and the actual amounts tie in 2019-2020: ranks (1..6) against (1.5, 1.5, 3, 4, 5, 6),
        // Pearson of the ranks = 17 / √(17.5 · 17).
        Assert.Equal(17 / Math.Sqrt(17.5 * 17), result.Model.Spearman, 1e-12);

        // Model MAE and bias from the fitted line, recomputed here.
        var errors = HeldOut.Select(h => Math.Exp(result.Fit.LogLevel + (result.Fit.Growth * (h.Year - 2018))) - h.Amount).ToList();
        Assert.Equal(errors.Average(Math.Abs), result.Model.Mae, 1e-9);
        Assert.Equal(errors.Average(), result.Model.Bias, 1e-9);
        Assert.Equal(result.Years.Count(y => y.Actual >= y.Low && y.Actual <= y.High) / 6.0, result.Coverage90, 1e-15);
        Assert.All(result.Years, y => Assert.True(y.Low < y.Predicted && y.Predicted < y.High));
    }

    [Fact]
    public void The_fit_is_the_closed_form_least_squares_line_of_the_log_amounts()
    {
        var result = SmaBacktest.Run(History, resamples: 200);
        var seen = History.Where(h => h.Year is >= 2005 and <= 2018).ToList();
        var x = seen.Select(h => (double)(h.Year - 2018)).ToList();
        var y = seen.Select(h => Math.Log(h.Amount!.Value)).ToList();
        var (mx, my) = (x.Average(), y.Average());
        var slope = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum() / x.Sum(a => (a - mx) * (a - mx));

        Assert.Equal(slope, result.Fit.Growth, 1e-12);
        Assert.Equal(my - (slope * mx), result.Fit.LogLevel, 1e-12);

        // A constant-growth history is fitted exactly, and with no scatter the band closes on the line.
        var exact = Enumerable.Range(2005, 14).Select(t => new SmaAmount(9, t, Math.Exp(6 + (0.03 * (t - 2018)))))
            .Append(new SmaAmount(10, 2019, 500)).ToList();
        var clean = SmaBacktest.Run(exact, resamples: 50);
        Assert.Equal(6, clean.Fit.LogLevel, 1e-12);
        Assert.Equal(0.03, clean.Fit.Growth, 1e-12);
        var only = Assert.Single(clean.Years);
        Assert.Equal(Math.Exp(6.03), only.Predicted, 1e-9);
        Assert.Equal(only.Predicted, only.Low, 1e-6);
        Assert.Equal(only.Predicted, only.High, 1e-6);
    }

    [Fact]
    public void The_same_seed_gives_the_same_band_and_another_seed_another()
    {
        var first = SmaBacktest.Run(History, resamples: 300, seed: 7);
        var again = SmaBacktest.Run(History, resamples: 300, seed: 7);
        var other = SmaBacktest.Run(History, resamples: 300, seed: 8);

        Assert.Equal(first.Years, again.Years);
        Assert.NotEqual(first.Years.Select(y => y.Low), other.Years.Select(y => y.Low));
    }

    [Fact]
    public void Every_loss_is_said_and_a_forecast_without_ranks_is_compared_on_mae_alone()
    {
        var result = SmaBacktest.Run(History, resamples: 200);

        // Each baseline the model does not beat on MAE, or on a defined Spearman, has its sentence.
        foreach (var b in result.Baselines)
        {
            var loses = !(result.Model.Mae < b.Mae) || (!double.IsNaN(b.Spearman) && !(result.Model.Spearman > b.Spearman));
            Assert.Equal(loses, result.Losses.Any(l => l.Contains($"'{b.Name}'", StringComparison.Ordinal)));
        }

        var constant = ForecastScores.Score("flat", [1.0, 1.0, 1.0], [1.0, 2.0, 3.0]);
        var better = ForecastScores.Score("model", [1.0, 2.0, 2.5], [1.0, 2.0, 3.0]);
        Assert.Empty(ForecastScores.Losses(better, [constant], "x"));
        Assert.Contains("Spearman undefined", Assert.Single(ForecastScores.Losses(constant with { Name = "m" }, [better], "x")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_window_too_tooShortto_fit_or_an_unknown_backtest_is_refused()
    {
        var tooShort = new[] { new SmaAmount(9, 2017, 950.7), new SmaAmount(9, 2018, 960.2), new SmaAmount(10, 2019, 1038.9) };
        var error = Assert.Throws<LinchpinException>(() => SmaBacktest.Run(tooShort));
        Assert.Equal(ErrorKind.Data, error.Kind);
        Assert.Contains("at least three", error.Message, StringComparison.Ordinal);
        Assert.Throws<LinchpinException>(() => SmaBacktest.Run(History, "sma-2019"));
        Assert.Throws<LinchpinException>(() => SmaBacktest.Run([.. History.Where(h => h.Year <= 2018)]));
    }

    [Property(MaxTest = 200)]
    public bool The_settlement_transfer_is_homogeneous_of_degree_one_in_the_values(int seed)
    {
        // Why the history identifies only a common scale: every value times c gives the transfer times c.
        var random = new Random(seed);
        var c = 0.1 + (10 * random.NextDouble());
        var n = new SmaNegotiation(1 + (3 * random.NextDouble()), 2 * random.NextDouble(), 1 + (3 * random.NextDouble()), 2 * random.NextDouble(),
            2 * random.NextDouble(), 4 * random.NextDouble(), 0.5 + (0.45 * random.NextDouble()), 0.5 + (0.45 * random.NextDouble()),
            0.3 * random.NextDouble(), random.Next(2) == 0);
        var scaled = n with
        {
            PatronValue = c * n.PatronValue, StationingCost = c * n.StationingCost, HostValue = c * n.HostValue,
            WithdrawalSaving = c * n.WithdrawalSaving, StrategicLoss = c * n.StrategicLoss, SelfHelpCost = c * n.SelfHelpCost,
        };
        var (one, many) = (SmaBargaining.Settle(n), SmaBargaining.Settle(scaled));
        return one.Agreement == many.Agreement
            && (!one.Agreement || Math.Abs(many.Transfer - (c * one.Transfer)) <= 1e-9 * Math.Max(1, Math.Abs(c * one.Transfer)));
    }
}
