using FsCheck.Xunit;
using Linchpin.Analysis;
using Linchpin.Data;
using Linchpin.Tests.TestSupport;

namespace Linchpin.Tests.Analysis;

/// <summary>
/// Alliance duration: model 9 §9.2's table reproduced on the shipped ATOP 4.01 file (regression values
/// computed from that file, not published estimates), and the estimators against closed forms.
/// </summary>
public static class AllianceDurationTests
{
    private static AllianceSpan Span(int id, int beginYear, int? beginMonth, int? endYear, int? endMonth, bool? bilateral = true, bool? defense = true) =>
        new(id, beginYear, beginMonth, endYear, endMonth, bilateral, defense);

    private static Lifetime Ended(double years) => new(years, ended: true);

    private static Lifetime Censored(double years) => new(years, ended: false);

    public class ShippedAtop : IClassFixture<StoreFixture>
    {
        private readonly IReadOnlyList<AllianceSpan> _spans;
        private readonly DurationBaseline _baseline;

        public ShippedAtop(StoreFixture fixture)
        {
            _spans = AllianceSpanReader.Atop(fixture.Store);
            _baseline = AllianceDuration.Baseline(_spans);
        }

        private DurationCounts Group(string name) => _baseline.Groups.Single(g => g.Name == name).Counts;

        [Fact]
        public void The_simulations_default_base_hazard_is_the_post_1945_rate()
        {
            Assert.Equal(Group("formed_1945_or_later").Hazard!.Value, new Linchpin.Simulation.SimulationParameters().BaseHazard, 4);
        }

        [Fact]
        public void Counts_745_alliances_411_terminations_334_censored()
        {
            Assert.Equal(745, _baseline.All.Alliances);
            Assert.Equal(411, _baseline.All.Terminations);
            Assert.Equal(334, _baseline.All.Censored);
            Assert.Equal(0, _baseline.LeftOut);
            Assert.Equal(2017.0, _baseline.CensorYear);
        }

        [Fact]
        public void Exposure_is_13410_9_alliance_years_and_the_constant_hazard_0_03065()
        {
            Assert.Equal(13410.9, _baseline.All.Exposure, 1);
            Assert.Equal(0.03065, _baseline.All.Hazard!.Value, 5);
            Assert.Equal(32.6, _baseline.All.MeanLife!.Value, 1);
        }

        [Fact]
        public void Kaplan_Meier_median_is_514_24ths_of_a_year()
        {
            // 21.4 years in shared/models/09; durations are counted in half-months, and the curve
            // first falls to one half at 514 of them (21 years and 5 months).
            Assert.Equal(514.0 / 24, _baseline.KaplanMeier.Median!.Value, 1e-12);
        }

        [Theory]
        [InlineData(1, 0.9355)]
        [InlineData(5, 0.7942)]
        [InlineData(10, 0.6665)]
        [InlineData(20, 0.5167)]
        [InlineData(50, 0.3208)]
        public void Kaplan_Meier_survival_matches_the_table(double years, double expected)
        {
            Assert.Equal(expected, _baseline.KaplanMeier.Survival(years)!.Value, 4);
            Assert.Equal(expected, _baseline.Survival.Single(s => s.Years == years).Survival!.Value, 4);
        }

        [Fact]
        public void Piecewise_hazards_by_age_match_the_table()
        {
            Assert.Equal([0, 2, 5, 10, 20, 50], _baseline.Bands.Select(b => b.From));
            Assert.Equal([2, 5, 10, 20, 50, null], _baseline.Bands.Select(b => b.To));
            double[] expected = [0.0599, 0.0367, 0.0352, 0.0252, 0.0197, 0.0098];
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i], _baseline.Bands[i].Hazard!.Value, 4);
            }

            Assert.Equal(_baseline.All.Terminations, _baseline.Bands.Sum(b => b.Events));
            Assert.Equal(_baseline.All.Exposure, _baseline.Bands.Sum(b => b.Exposure), 9);
        }

        [Fact]
        public void Weibull_shape_is_0_750_and_scale_36_43_years()
        {
            var fit = _baseline.Weibull!;
            Assert.Equal(0.750, fit.Shape, 3);
            Assert.Equal(36.43, fit.Scale, 2);
        }

        [Fact]
        public void Hazard_before_1945_is_0_0952_and_from_1945_0_0179()
        {
            var early = Group("formed_before_1945");
            var late = Group("formed_1945_or_later");
            Assert.Equal((216, 211), (early.Alliances, early.Terminations));
            Assert.Equal((529, 200), (late.Alliances, late.Terminations));
            Assert.Equal(0.0952, early.Hazard!.Value, 4);
            Assert.Equal(0.0179, late.Hazard!.Value, 4);
        }

        [Fact]
        public void Hazard_of_bilateral_alliances_is_0_0285_and_of_multilateral_0_0452()
        {
            var bilateral = Group("bilateral");
            var multilateral = Group("multilateral");
            Assert.Equal(638, bilateral.Alliances);
            Assert.Equal(107, multilateral.Alliances);
            Assert.Equal(0.0285, bilateral.Hazard!.Value, 4);
            Assert.Equal(0.0452, multilateral.Hazard!.Value, 4);
        }

        [Fact]
        public void Hazard_of_alliances_with_a_defence_obligation_is_0_0544()
        {
            var defense = Group("defense");
            Assert.Equal(275, defense.Alliances);
            Assert.Equal(0.0544, defense.Hazard!.Value, 4);
            Assert.Equal(470, Group("no_defense").Alliances);
        }

        [Fact]
        public void Constant_hazard_leaves_0_5418_alive_at_20_years_against_Kaplan_Meier_0_5167()
        {
            // Model 9 §9.4: e^(−20h) with h = 0.03065; the gap to Ŝ(20) is the non-constant-hazard effect.
            Assert.Equal(0.5418, Math.Exp(-20 * _baseline.All.Hazard!.Value), 4);
            Assert.True(Math.Exp(-20 * _baseline.All.Hazard!.Value) > _baseline.KaplanMeier.Survival(20)!.Value);
        }

        [Fact]
        public void An_earlier_censoring_year_leaves_out_later_alliances_and_censors_later_endings()
        {
            var spans = _spans;
            var at1990 = AllianceDuration.Baseline(spans, new DurationOptions { CensorYear = 1990 });
            var formedBefore = spans.Count(s => s.BeginYear < 1990);
            var endedBefore = spans.Count(s => s.EndYear is { } e && AllianceDuration.Time(e, s.EndMonth) <= 1990);
            Assert.Equal(formedBefore, at1990.All.Alliances);
            Assert.Equal(spans.Count - formedBefore, at1990.LeftOut);
            Assert.Equal(endedBefore, at1990.All.Terminations);
        }

        [Fact]
        public void Reader_keeps_missing_as_missing_and_in_effect_alliances_have_no_end()
        {
            Assert.Equal(745, _spans.Count);
            Assert.Equal(334, _spans.Count(s => s.EndYear is null));
            Assert.All(_spans.Where(s => s.EndYear is null), s => Assert.Null(s.EndMonth));
            Assert.DoesNotContain(_spans, s => s.EndYear == 0 || s.BeginMonth == 0 || s.EndMonth == 0);
            Assert.Equal(638, _spans.Count(s => s.Bilateral == true));
        }
    }

    public class ToLifetime
    {
        [Fact]
        public void Months_are_taken_at_their_middle_so_equal_months_give_whole_years()
        {
            var lifetime = AllianceDuration.ToLifetime(Span(1, 2000, 3, 2010, 3))!.Value;
            Assert.Equal(10.0, lifetime.Years);
            Assert.True(lifetime.Ended);
            Assert.Equal(2000 + (2.5 / 12), AllianceDuration.Time(2000, 3), 12);
        }

        [Fact]
        public void A_missing_month_is_mid_year()
        {
            Assert.Equal(2000.5, AllianceDuration.Time(2000, null));
            Assert.Equal(10.5 - (0.5 / 12), AllianceDuration.ToLifetime(Span(1, 2000, 1, 2010, null))!.Value.Years, 12);
        }

        [Fact]
        public void An_alliance_in_effect_is_censored_at_the_censoring_year_and_never_ends_there()
        {
            var lifetime = AllianceDuration.ToLifetime(Span(1, 2000, null, null, null))!.Value;
            Assert.Equal(16.5, lifetime.Years);
            Assert.False(lifetime.Ended);
            var at1990 = AllianceDuration.ToLifetime(Span(1, 1980, 7, null, null), 1990)!.Value;
            Assert.Equal(10 - (6.5 / 12), at1990.Years, 12);
            Assert.False(at1990.Ended);
        }

        [Fact]
        public void An_alliance_ending_after_the_censoring_year_is_censored_there()
        {
            var lifetime = AllianceDuration.ToLifetime(Span(1, 1980, 1, 1995, 6), 1990)!.Value;
            Assert.False(lifetime.Ended);
            Assert.Equal(10 - (0.5 / 12), lifetime.Years, 12);
        }

        [Fact]
        public void An_alliance_formed_at_or_after_the_censoring_year_is_left_out()
        {
            Assert.Null(AllianceDuration.ToLifetime(Span(1, 2017, 1, null, null)));
            Assert.Null(AllianceDuration.ToLifetime(Span(1, 1990, 1, 1991, 1), 1990));
        }

        [Fact]
        public void The_shortest_duration_is_half_a_month()
        {
            Assert.Equal(1.0 / 24, AllianceDuration.ToLifetime(Span(1, 2000, 5, 2000, 5))!.Value.Years);
            Assert.Equal(1.0 / 24, AllianceDuration.ToLifetime(Span(1, 2016, 12, null, null))!.Value.Years);
            Assert.Equal(1.0 / 24, AllianceDuration.ToLifetime(Span(1, 2000, null, 2000, 2))!.Value.Years);
        }

        [Fact]
        public void Invalid_spans_cannot_be_built()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => Span(1, 2000, 13, null, null));
            Assert.Throws<ArgumentOutOfRangeException>(() => Span(1, 2000, 0, null, null));
            Assert.Throws<ArgumentOutOfRangeException>(() => Span(1, 2000, 1, 1999, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => Span(1, 2000, 1, null, 4));
            Assert.Throws<ArgumentOutOfRangeException>(() => new Lifetime(0, ended: true));
            Assert.Throws<ArgumentOutOfRangeException>(() => new Lifetime(double.NaN, ended: false));
        }

        [Property(MaxTest = 300)]
        public bool Censored_alliances_never_count_as_events(int seed)
        {
            var random = new Random(seed);
            var censorYear = 1950 + random.Next(0, 70) + (random.Next(0, 24) / 24.0);
            var spans = Enumerable.Range(0, random.Next(0, 40)).Select(i =>
            {
                var begin = random.Next(1900, 2020);
                int? beginMonth = random.Next(0, 13) is var m and > 0 ? m : null;
                int? end = random.Next(3) == 0 ? null : begin + random.Next(0, 60);
                int? endMonth = end is not null && random.Next(0, 13) is var n and > 0 ? n : null;
                return Span(i, begin, beginMonth, end, endMonth, random.Next(2) == 0, random.Next(2) == 0);
            }).ToList();
            var baseline = AllianceDuration.Baseline(spans, new DurationOptions { CensorYear = censorYear });
            var observed = spans.Where(s => AllianceDuration.Time(s.BeginYear, s.BeginMonth) < censorYear).ToList();
            var ended = observed.Count(s => s.EndYear is { } e && AllianceDuration.Time(e, s.EndMonth) <= censorYear);
            var inEffectNeverEnd = spans.Where(s => s.EndYear is null)
                .All(s => AllianceDuration.ToLifetime(s, censorYear) is not { Ended: true });
            return inEffectNeverEnd
                && baseline.All.Alliances == observed.Count
                && baseline.All.Terminations == ended
                && baseline.All.Censored == observed.Count - ended
                && baseline.KaplanMeier.Steps.Sum(s => s.Events) == ended
                && baseline.Bands.Sum(b => b.Events) == ended
                && baseline.Groups.Where(g => g.Name.StartsWith("formed", StringComparison.Ordinal)).Sum(g => g.Counts.Terminations) == ended;
        }
    }

    public class Counts
    {
        [Fact]
        public void Constant_hazard_is_events_over_exposure()
        {
            var counts = AllianceDuration.Counts([Ended(2), Censored(3), Ended(5)]);
            Assert.Equal((3, 2, 1, 10.0), (counts.Alliances, counts.Terminations, counts.Censored, counts.Exposure));
            Assert.Equal(0.2, counts.Hazard!.Value, 15);
            Assert.Equal(5.0, counts.MeanLife!.Value, 15);
        }

        [Fact]
        public void Without_exposure_or_events_the_hazard_and_mean_life_are_missing_not_zero()
        {
            var empty = AllianceDuration.Counts([]);
            Assert.Null(empty.Hazard);
            Assert.Null(empty.MeanLife);
            var noEvents = AllianceDuration.Counts([Censored(4)]);
            Assert.Equal(0.0, noEvents.Hazard);
            Assert.Null(noEvents.MeanLife);
        }
    }

    public class KaplanMeier
    {
        [Fact]
        public void Product_limit_with_censoring_matches_the_hand_computation()
        {
            // 1, 2+, 3, 3, 4+: Ŝ(1) = 4/5; at 3 two of three at risk end: Ŝ(3) = 4/5 · 1/3.
            var curve = AllianceDuration.KaplanMeier([Ended(1), Censored(2), Ended(3), Ended(3), Censored(4)]);
            Assert.Equal(1.0, curve.Survival(0.5));
            Assert.Equal(0.8, curve.Survival(1)!.Value, 15);
            Assert.Equal(0.8, curve.Survival(2.5)!.Value, 15);
            Assert.Equal(0.8 / 3, curve.Survival(3)!.Value, 15);
            Assert.Equal(0.8 / 3, curve.Survival(4)!.Value, 15);
            Assert.Null(curve.Survival(4.5));
            Assert.Equal(3.0, curve.Median);
            Assert.Equal([5, 4, 3, 1], curve.Steps.Select(s => s.AtRisk));
        }

        [Fact]
        public void A_censoring_tied_with_an_event_is_at_risk_at_it()
        {
            // At 2 three are at risk (the censored one included) and one ends: Ŝ(2) = 2/3, not 1/2.
            var curve = AllianceDuration.KaplanMeier([Ended(2), Censored(2), Ended(5)]);
            Assert.Equal(2 / 3.0, curve.Survival(2)!.Value, 15);
            Assert.Equal(0.0, curve.Survival(5)!.Value, 15);
            Assert.Equal(0.0, curve.Survival(100)!.Value, 15);
            Assert.Equal(5.0, curve.Median);
        }

        [Fact]
        public void The_median_is_missing_when_the_curve_never_falls_to_one_half()
        {
            var curve = AllianceDuration.KaplanMeier([Ended(1), Censored(2), Censored(3)]);
            Assert.Null(curve.Median);
            Assert.Null(AllianceDuration.KaplanMeier([]).Median);
            Assert.Null(AllianceDuration.KaplanMeier([]).Survival(1));
        }

        [Property(MaxTest = 200)]
        public bool Without_censoring_it_is_the_empirical_survival_function(int seed)
        {
            var random = new Random(seed);
            var years = Enumerable.Range(0, random.Next(1, 30)).Select(_ => random.Next(1, 40) / 4.0).ToArray();
            var curve = AllianceDuration.KaplanMeier([.. years.Select(Ended)]);
            var ages = years.Concat(years.Select(y => y + 0.1)).Append(0).Append(years.Max() + 1);
            return ages.All(t => Math.Abs(curve.Survival(t)!.Value - (years.Count(y => y > t) / (double)years.Length)) < 1e-12);
        }
    }

    public class PiecewiseHazards
    {
        [Fact]
        public void Events_fall_in_the_band_that_ends_at_them_and_exposure_is_time_in_the_band()
        {
            // Lifetimes 1, 2 (ended), 3+ and 6 (ended); bands (0, 2], (2, 5], (5, ∞).
            var bands = AllianceDuration.PiecewiseHazards([Ended(1), Ended(2), Censored(3), Ended(6)], [0, 2, 5]);
            Assert.Equal((2, 1 + 2 + 2 + 2.0), (bands[0].Events, bands[0].Exposure));
            Assert.Equal((0, 1 + 3.0), (bands[1].Events, bands[1].Exposure));
            Assert.Equal((1, 1.0), (bands[2].Events, bands[2].Exposure));
            Assert.Equal(2 / 7.0, bands[0].Hazard!.Value, 15);
            Assert.Equal(0.0, bands[1].Hazard);
            Assert.Null(bands[2].To);
        }

        [Fact]
        public void A_band_nobody_reaches_has_a_missing_hazard()
        {
            var bands = AllianceDuration.PiecewiseHazards([Ended(1)], [0, 10]);
            Assert.Null(bands[1].Hazard);
        }

        [Fact]
        public void Band_starts_must_increase_from_a_non_negative_age()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => AllianceDuration.PiecewiseHazards([Ended(1)], [0, 5, 5]));
            Assert.Throws<ArgumentOutOfRangeException>(() => AllianceDuration.PiecewiseHazards([Ended(1)], [-1, 5]));
            Assert.Throws<ArgumentOutOfRangeException>(() => AllianceDuration.PiecewiseHazards([Ended(1)], []));
        }
    }

    public class FitWeibull
    {
        private static double Exponential(Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());

        private static double Weibull(Random random, double shape, double scale) => scale * Math.Pow(-Math.Log(1 - random.NextDouble()), 1 / shape);

        [Fact]
        public void Exponential_lifetimes_without_censoring_give_shape_near_one_and_hazard_one_over_the_mean()
        {
            var random = new Random(20240601);
            var years = Enumerable.Range(0, 20000).Select(_ => Exponential(random, 30)).ToArray();
            var lifetimes = years.Select(Ended).ToList();
            var fit = AllianceDuration.FitWeibull(lifetimes)!;
            Assert.Equal(1.0, fit.Shape, 0.02);
            Assert.Equal(30.0, fit.Scale, 1.0);
            Assert.Equal(1 / years.Average(), AllianceDuration.Counts(lifetimes).Hazard!.Value, 14);
        }

        [Fact]
        public void Censored_Weibull_lifetimes_give_back_the_shape_and_scale()
        {
            var random = new Random(7);
            var lifetimes = Enumerable.Range(0, 20000).Select(_ =>
            {
                var life = Weibull(random, 0.75, 36);
                var watched = random.NextDouble() * 120;
                return life <= watched ? Ended(life) : Censored(watched);
            }).ToList();
            var fit = AllianceDuration.FitWeibull(lifetimes)!;
            Assert.Equal(0.75, fit.Shape, 0.02);
            Assert.Equal(36.0, fit.Scale, 1.5);
        }

        [Fact]
        public void Without_censoring_the_scale_solves_lambda_to_the_k_equals_the_mean_of_t_to_the_k()
        {
            double[] years = [0.5, 1, 2, 3, 5, 8, 13, 21];
            var fit = AllianceDuration.FitWeibull([.. years.Select(Ended)])!;
            Assert.Equal(Math.Pow(fit.Scale, fit.Shape), years.Average(t => Math.Pow(t, fit.Shape)), 9);
        }

        [Fact]
        public void The_fit_maximises_the_log_likelihood()
        {
            List<Lifetime> lifetimes = [Ended(0.5), Ended(1.5), Censored(2), Ended(4), Ended(7), Censored(9), Ended(12), Ended(30)];
            var fit = AllianceDuration.FitWeibull(lifetimes)!;
            double LogLikelihood(double k, double scale) =>
                lifetimes.Sum(l => (l.Ended ? Math.Log(k / scale) + ((k - 1) * Math.Log(l.Years / scale)) : 0) - Math.Pow(l.Years / scale, k));
            Assert.Equal(LogLikelihood(fit.Shape, fit.Scale), fit.LogLikelihood, 9);
            foreach (var (dk, ds) in new[] { (0.01, 0.0), (-0.01, 0.0), (0.0, 0.1), (0.0, -0.1), (0.01, 0.1), (-0.01, -0.1) })
            {
                Assert.True(LogLikelihood(fit.Shape + dk, fit.Scale + ds) < fit.LogLikelihood);
            }
        }

        [Fact]
        public void Hazard_and_survival_follow_the_Weibull_formulas()
        {
            var fit = new WeibullFit(1, 20, 0);
            Assert.Equal(0.05, fit.Hazard(3), 15);
            Assert.Equal(Math.Exp(-0.5), fit.Survival(10), 15);
            var falling = new WeibullFit(0.5, 4, 0);
            Assert.True(falling.Hazard(1) > falling.Hazard(10));
        }

        [Fact]
        public void No_estimate_without_events_or_when_every_event_is_at_the_longest_time()
        {
            Assert.Null(AllianceDuration.FitWeibull([Censored(1), Censored(2)]));
            Assert.Null(AllianceDuration.FitWeibull([Ended(5), Ended(5), Censored(3)]));
            Assert.Null(AllianceDuration.FitWeibull([]));
        }
    }
}
