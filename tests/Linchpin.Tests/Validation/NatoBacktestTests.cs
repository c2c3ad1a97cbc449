using System.Globalization;
using Linchpin.Data;
using Linchpin.Scenarios;
using Linchpin.Tests.TestSupport;
using Linchpin.Validation;

namespace Linchpin.Tests.Validation;

/// <summary>One run of each backtest, shared by the tests (a few seconds).</summary>
public sealed class BacktestFixture : IDisposable
{
    private readonly StoreFixture _store = new();

    public BacktestFixture()
    {
        var scenario = BuiltInScenarios.Load("nato-2014");
        Early = NatoBacktest.Run(_store.Store, scenario, "nato-2014", runs: 200, seed: 42, threads: 2);
        Late = NatoBacktest.Run(_store.Store, scenario, "nato-2019", runs: 200, seed: 42, threads: 2);
        Known = NatoBacktest.Run(_store.Store, scenario, "nato-2014", runs: 200, seed: 42, threads: 1, information: BacktestInformation.ForecastDate);
    }

    public BacktestResult Early { get; }

    public BacktestResult Late { get; }

    public BacktestResult Known { get; }

    public Linchpin.Data.WorldStore Store => _store.Store;

    public void Dispose() => _store.Dispose();
}

/// <summary>
/// The backtests' figures recomputed independently: the actual, start and last-seen figures read
/// straight from the shipped CSV files, the baselines and every score computed here with their own
/// formulas (average-rank Pearson for Spearman), to 1e-9.
/// </summary>
public class NatoBacktestTests(BacktestFixture fixture) : IClassFixture<BacktestFixture>
{
    private static Dictionary<string, double> NatoCsv(int year, string edition) =>
        File.ReadLines(Path.Combine(TestPaths.DataFolder, "nato_defence_pct_gdp.csv")).Skip(1).Select(Cells)
            .Where(c => c[2] == year.ToString(CultureInfo.InvariantCulture) && c[5].StartsWith(edition, StringComparison.Ordinal) && c[3].Length > 0)
            .ToDictionary(c => c[1], c => double.Parse(c[3], CultureInfo.InvariantCulture));

    private static Dictionary<string, double> Passport2019() =>
        File.ReadLines(Path.Combine(TestPaths.DataFolder, "nato_2012_2019_passport.csv")).Skip(1).Select(Cells)
            .Where(c => c[1] == "2019" && c[4].Length > 0)
            .ToDictionary(c => c[0], c => double.Parse(c[4], CultureInfo.InvariantCulture));

    // A CSV line's cells (quoted cells may hold commas).
    private static string[] Cells(string line)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == ',' && !quoted)
            {
                cells.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(ch);
            }
        }

        cells.Add(current.ToString());
        return [.. cells];
    }

    private static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        static double[] Ranks(IReadOnlyList<double> v) =>
            [.. v.Select(a => v.Count(b => b < a) + ((v.Count(b => b == a) + 1) / 2.0))];
        var (rx, ry) = (Ranks(x), Ranks(y));
        var (mx, my) = (rx.Average(), ry.Average());
        var sxy = rx.Zip(ry, (a, b) => (a - mx) * (b - my)).Sum();
        return sxy / Math.Sqrt(rx.Sum(a => (a - mx) * (a - mx)) * ry.Sum(b => (b - my) * (b - my)));
    }

    [Fact]
    public void The_figures_each_ally_is_scored_on_are_the_shipped_data()
    {
        var actual = NatoCsv(2023, "2024-03");
        var start = NatoCsv(2014, "2024-06");
        var seen = Passport2019();
        var year = fixture.Early.Years.Single();
        Assert.Equal(26, year.Allies.Count);
        foreach (var a in year.Allies)
        {
            Assert.Equal(actual[a.Iso3], a.Actual, 1e-9);
            Assert.Equal(start[a.Iso3], a.Start, 1e-6);
            Assert.Equal(seen[a.Iso3], a.LastSeen, 1e-9);
        }
    }

    [Fact]
    public void Every_baseline_matches_an_independent_computation_from_the_csv_files()
    {
        var year = fixture.Early.Years.Single();
        var isos = year.Allies.Select(a => a.Iso3).ToList();
        var actualCsv = NatoCsv(2023, "2024-03");
        var startCsv = NatoCsv(2014, "2024-06");
        var seenCsv = Passport2019();
        var actual = isos.Select(i => actualCsv[i]).ToList();
        var forecasts = new Dictionary<string, List<double>>
        {
            ["2019 carried forward"] = [.. isos.Select(i => seenCsv[i])],
            ["2014-2019 linear trend"] = [.. isos.Select(i => seenCsv[i] + ((seenCsv[i] - startCsv[i]) / 5 * 4))],
            ["2014 carried forward"] = [.. isos.Select(i => startCsv[i])],
        };
        Assert.Equal(forecasts.Keys.Order(), year.Baselines.Select(b => b.Name).Order());
        foreach (var b in year.Baselines)
        {
            var f = forecasts[b.Name];
            Assert.Equal(f.Zip(actual, (p, a) => Math.Abs(p - a)).Average(), b.Mae, 1e-6);
            Assert.Equal(f.Zip(actual, (p, a) => p - a).Average(), b.Bias, 1e-6);
            Assert.Equal(Spearman(f, actual), b.Spearman, 1e-6);
            Assert.Equal(f.Count(v => v >= 2), b.CountAtTarget);
        }

        // The no-change baseline as first published here (0.617) and by hand from the CSV.
        Assert.Equal(0.6165384615384616, year.Baselines.Single(b => b.Name == "2014 carried forward").Mae, 1e-6);
        Assert.Equal(9, year.CountAtTarget.Actual);
        Assert.Equal(actual.Count(v => v >= 2), year.CountAtTarget.Actual);
    }

    [Fact]
    public void The_models_scores_and_coverage_follow_from_its_per_ally_figures()
    {
        foreach (var year in fixture.Early.Years.Concat(fixture.Late.Years))
        {
            var predicted = year.Allies.Select(a => a.Predicted).ToList();
            var actual = year.Allies.Select(a => a.Actual).ToList();
            Assert.Equal(predicted.Zip(actual, (p, a) => Math.Abs(p - a)).Average(), year.Model.Mae, 1e-12);
            Assert.Equal(predicted.Zip(actual, (p, a) => p - a).Average(), year.Model.Bias, 1e-12);
            Assert.Equal(Spearman(predicted, actual), year.Model.Spearman, 1e-9);
            Assert.Equal(year.Allies.Count(a => a.Actual >= a.Low && a.Actual <= a.High) / (double)year.Allies.Count, year.Coverage90, 1e-12);
            Assert.All(year.Allies, a => Assert.True(a.Low <= a.Predicted && a.Predicted <= a.High, a.Iso3));
            Assert.InRange(year.CountAtTarget.Median, year.CountAtTarget.Low, year.CountAtTarget.High);

            // A model that loses to a baseline says so, naming it.
            foreach (var b in year.Baselines.Where(b => !(year.Model.Mae < b.Mae && year.Model.Spearman > b.Spearman)))
            {
                Assert.Contains(year.Losses, l => l.Contains($"'{b.Name}'", StringComparison.Ordinal));
            }

            Assert.Equal(year.Baselines.Count(b => !(year.Model.Mae < b.Mae && year.Model.Spearman > b.Spearman)), year.Losses.Count);
        }
    }

    [Fact]
    public void The_held_out_years_never_enter_the_fit()
    {
        // The fit sees only 2019: its targets are 2019 figures, and the posterior is the same
        // whichever years are held out and whatever the runs contain after 2019.
        var setup = ScenarioWorld.Resolve(fixture.Store, BuiltInScenarios.Load("nato-2014")).Setup;
        var targets = NatoTargets.PctGdp(fixture.Store, setup, NatoBacktest.CalibrationYear, AllianceSpendingReader.FullTableEdition);
        Assert.All(targets.Targets, t => Assert.Equal(2019, t.Year));
        Assert.Equal(2019, fixture.Early.Posterior.LastYear);
        Assert.True(NatoBacktest.Splits.Values.All(s => s.Targets.Min() > NatoBacktest.CalibrationYear));
        Assert.Equal(fixture.Early.Posterior.Particles, fixture.Late.Posterior.Particles);
        Assert.Equal(fixture.Early.Posterior.Particles, fixture.Known.Posterior.Particles);
    }

    [Fact]
    public void Events_after_the_forecast_date_are_labelled_hindsight_or_left_out()
    {
        Assert.Contains(fixture.Early.Hindsight, h => h.Contains("2022", StringComparison.Ordinal));
        Assert.Contains(fixture.Early.Notes, n => n.StartsWith("hindsight:", StringComparison.Ordinal));
        Assert.Empty(fixture.Known.Hindsight);

        // Without the 2022 invasion the eastern allies' 2023 forecasts are lower.
        var with = fixture.Early.Years.Single().Allies.Single(a => a.Iso3 == "POL").Predicted;
        var without = fixture.Known.Years.Single().Allies.Single(a => a.Iso3 == "POL").Predicted;
        Assert.True(without < with, $"{without} vs {with}");
    }

    [Fact]
    public void The_later_split_restarts_from_2019_and_scores_2023_and_2024()
    {
        Assert.Equal([2023, 2024], fixture.Late.Years.Select(y => y.Year));
        var actual2024 = NatoCsv(2024, "2025-04");
        Assert.All(fixture.Late.Years[1].Allies, a => Assert.Equal(actual2024[a.Iso3], a.Actual, 1e-9));
        var seen = Passport2019();
        Assert.All(fixture.Late.Years[1].Allies, a => Assert.Equal(seen[a.Iso3], a.LastSeen, 1e-9));
        var carried = fixture.Late.Years[1].Baselines.Single(b => b.Name == "2019 carried forward");
        Assert.Equal(fixture.Late.Years[1].Allies.Average(a => Math.Abs(seen[a.Iso3] - actual2024[a.Iso3])), carried.Mae, 1e-9);
    }
}
