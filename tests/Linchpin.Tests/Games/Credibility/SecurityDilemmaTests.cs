using FsCheck.Xunit;
using Linchpin.Games.Credibility;

namespace Linchpin.Tests.Games.Credibility;

/// <summary>
/// Oracles: model 05 §5.3 worked example (computed there; a Linchpin formalisation, no published
/// numbers exist) and its stated comparative statics.
/// </summary>
public static class SecurityDilemmaTests
{
    /// <summary>G = 1, k = 1, π₁ = 0.4, L = 5, a₀ = 0.3, β = 0.5, c_P = 3, ρ_P = 4.</summary>
    internal static SecurityDilemmaParameters Worked(double curvature = 1, double provocation = 0.4) =>
        new(gain: 1, curvature: curvature, loss: 5, baseline: 0.3, deterrence: 0.5, provocation: provocation, fightCost: 3, abandonCost: 4);

    internal static SecurityDilemmaParameters Random(int seed)
    {
        var r = new Random(seed);
        var baseline = 0.5 * r.NextDouble();
        return new SecurityDilemmaParameters(
            3 * r.NextDouble(), 0.1 + (3 * r.NextDouble()), 10 * r.NextDouble(), baseline, r.NextDouble(),
            (1 - baseline) * r.NextDouble(), 5 * r.NextDouble(), 5 * r.NextDouble());
    }

    public sealed class Evaluate
    {
        [Theory]
        [InlineData(0.0, 0.0, 0.3, -1.2, -1.5, 0.3, 0.0)]
        [InlineData(0.25, 0.0, 0.2625, -0.984375, -0.984375, 0.196875, 0.196875)]
        [InlineData(0.5, 0.0, 0.225, -0.7875, -0.5625, 0.1125, 0.3375)]
        [InlineData(0.75, 0.5, 0.3875, -1.259375, -0.109375, 0.096875, 0.871875)]
        [InlineData(1.0, 1.0, 0.55, -1.65, 0.5, 0.0, 1.65)]
        public void Reproduces_the_worked_table(double kappa, double f, double crisis, double patron, double protege, double abandonment, double entrapment)
        {
            var outcome = SecurityDilemma.Evaluate(Worked(), kappa);

            Assert.Equal(f, outcome.Firmness, 1e-12);
            Assert.Equal(crisis, outcome.CrisisProbability, 1e-12);
            Assert.Equal(patron, outcome.PatronPayoff, 1e-12);
            Assert.Equal(protege, outcome.ProtegePayoff, 1e-12);
            Assert.Equal(abandonment, outcome.AbandonmentRisk, 1e-12);
            Assert.Equal(entrapment, outcome.EntrapmentExposure, 1e-12);
            Assert.Equal(f, outcome.MoralHazardGap, 1e-12);
        }

        [Fact]
        public void Deterrence_dominant_variant_lowers_crises_with_commitment()
        {
            var p = Worked(curvature: 2, provocation: 0.2);

            Assert.Equal(0.3, SecurityDilemma.Evaluate(p, 0).CrisisProbability, 1e-12);
            Assert.Equal(0.275, SecurityDilemma.Evaluate(p, 0.5).CrisisProbability, 1e-12);
            Assert.Equal(0.25, SecurityDilemma.Evaluate(p, 1).CrisisProbability, 1e-12);
        }

        [Fact]
        public void Commitment_outside_the_unit_interval_is_rejected()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => SecurityDilemma.Evaluate(Worked(), 1.5));
        }
    }

    public sealed class OptimalCommitment
    {
        [Fact]
        public void Worked_optimum_is_the_emboldening_threshold()
        {
            var best = SecurityDilemma.OptimalCommitment(Worked());

            Assert.Equal(0.5, SecurityDilemma.EmboldeningThreshold(Worked()), 1e-15);
            Assert.Equal(0.5, best.Commitment, 1e-12);
            Assert.Equal(-0.7875, best.PatronPayoff, 1e-12);
        }

        [Fact]
        public void Deterrence_dominant_optimum_is_full_commitment()
        {
            var best = SecurityDilemma.OptimalCommitment(Worked(curvature: 2, provocation: 0.2));

            Assert.Equal(1, best.Commitment, 1e-12);
            Assert.Equal(-0.75, best.PatronPayoff, 1e-12);
        }

        [Property(MaxTest = 200)]
        public bool Beats_a_fine_grid(int seed)
        {
            var p = Random(seed);
            var best = SecurityDilemma.OptimalCommitment(p);
            return Enumerable.Range(0, 2001).All(i => SecurityDilemma.Evaluate(p, i / 2000.0).PatronPayoff <= best.PatronPayoff + 1e-12);
        }

        [Property(MaxTest = 200)]
        public bool Is_never_below_the_emboldening_threshold_when_abandonment_costs_more(int seed)
        {
            // Below κ̄ the protégé is restrained, so with ρ_P > c_P both the crisis probability and the
            // expected cost of a crisis fall as κ rises: the patron commits at least up to κ̄.
            var p = Random(seed);
            return !(p.AbandonCost > p.FightCost)
                || SecurityDilemma.OptimalCommitment(p).Commitment >= SecurityDilemma.EmboldeningThreshold(p) - 1e-12;
        }
    }

    public sealed class Slopes
    {
        [Fact]
        public void Firmness_rises_with_commitment_at_rate_pi1_l_over_k()
        {
            var slopes = SecurityDilemma.Slopes(Worked(), 0.75);

            Assert.Equal(2, slopes.FirmnessSlope, 1e-12);
            Assert.Equal(-0.15 + 0.8, slopes.CrisisSlope, 1e-12);
            Assert.True(slopes.EntrapmentDominates);
        }

        [Fact]
        public void Below_the_threshold_only_deterrence_acts()
        {
            var slopes = SecurityDilemma.Slopes(Worked(), 0.25);

            Assert.Equal(0, slopes.FirmnessSlope);
            Assert.Equal(-0.15, slopes.CrisisSlope, 1e-12);
            Assert.False(slopes.EntrapmentDominates);
        }

        [Property(MaxTest = 200)]
        public bool Match_finite_differences(int seed, byte where)
        {
            var p = Random(seed);
            var kappa = 0.01 + (0.97 * where / 255.0);
            var h = 1e-7;
            var slopes = SecurityDilemma.Slopes(p, kappa);
            var df = (SecurityDilemma.Evaluate(p, kappa + h).Firmness - SecurityDilemma.Evaluate(p, kappa).Firmness) / h;
            var dpi = (SecurityDilemma.Evaluate(p, kappa + h).CrisisProbability - SecurityDilemma.Evaluate(p, kappa).CrisisProbability) / h;
            var nearKink = Enumerable.Range(-1, 3).Select(s => SecurityDilemma.Firmness(p, Math.Clamp(kappa + (s * 1e-6), 0, 1))).Distinct().Count() > 1
                && (SecurityDilemma.Firmness(p, kappa) is 0 or 1);
            return nearKink || (Math.Abs(df - slopes.FirmnessSlope) < 1e-4 && Math.Abs(dpi - slopes.CrisisSlope) < 1e-4);
        }

        [Property(MaxTest = 200)]
        public bool The_threshold_falls_with_revisionism_and_rises_with_dependence(int seed)
        {
            var p = Random(seed);
            var more = (double g, double l) => new SecurityDilemmaParameters(g, p.Curvature, l, p.Baseline, p.Deterrence, p.Provocation, p.FightCost, p.AbandonCost);
            var baseline = SecurityDilemma.EmboldeningThreshold(p);
            return SecurityDilemma.EmboldeningThreshold(more(p.Gain + 0.1, p.Loss)) <= baseline
                && SecurityDilemma.EmboldeningThreshold(more(p.Gain, p.Loss + 0.1)) >= baseline;
        }
    }

    public sealed class Parameters
    {
        [Fact]
        public void A_crisis_probability_above_one_is_rejected_by_name()
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SecurityDilemmaParameters(1, 1, 5, 0.7, 0.5, 0.4, 3, 4));

            Assert.Equal("provocation", error.ParamName);
        }

        [Fact]
        public void Zero_curvature_is_rejected()
        {
            Assert.Equal("curvature", Assert.Throws<ArgumentOutOfRangeException>(() => new SecurityDilemmaParameters(1, 0, 5, 0.3, 0.5, 0.4, 3, 4)).ParamName);
        }
    }
}
