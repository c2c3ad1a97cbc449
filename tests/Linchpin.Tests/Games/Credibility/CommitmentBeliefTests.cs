using FsCheck.Xunit;
using Linchpin.Games.Credibility;

namespace Linchpin.Tests.Games.Credibility;

/// <summary>Oracles: the Beta–Bernoulli conjugate update (closed form).</summary>
public static class CommitmentBeliefTests
{
    public sealed class Update
    {
        [Fact]
        public void Reassuring_signals_raise_the_credibility_and_others_lower_it()
        {
            var prior = new CommitmentBelief(2, 2);

            Assert.Equal(0.6, prior.Update(new ObservedSignal(CommitmentSignal.CrisisSupport)).Mean, 1e-15);
            Assert.Equal(2.5 / 4.5, prior.Update(new ObservedSignal(CommitmentSignal.Reaffirmed, 0.5)).Mean, 1e-15);
            Assert.Equal(0.4, prior.Update(new ObservedSignal(CommitmentSignal.CrisisAbandonment)).Mean, 1e-15);
            Assert.Equal(2 / 4.5, prior.Update(new ObservedSignal(CommitmentSignal.Withheld, 0.5)).Mean, 1e-15);
            Assert.Equal(2 / 5.0, prior.Update(new ObservedSignal(CommitmentSignal.WithdrawalThreat)).Mean, 1e-15);
        }

        [Fact]
        public void Variance_is_the_beta_variance()
        {
            Assert.Equal(4.0 / (16 * 5), new CommitmentBelief(2, 2).Variance, 1e-15);
        }

        [Property(MaxTest = 200)]
        public bool Order_of_signals_does_not_matter_and_evidence_shrinks_ambiguity(int seed)
        {
            var random = new Random(seed);
            var signals = Enumerable.Range(0, random.Next(1, 20))
                .Select(_ => new ObservedSignal((CommitmentSignal)random.Next(5), 0.1 + random.NextDouble())).ToArray();
            var prior = new CommitmentBelief(1 + random.NextDouble(), 1 + random.NextDouble());
            var forward = prior.Update(signals);
            var backward = prior.Update(signals.Reverse());
            return Math.Abs(forward.Mean - backward.Mean) < 1e-12 && forward.Alpha + forward.Beta > prior.Alpha + prior.Beta;
        }

        [Fact]
        public void Non_positive_counts_or_strengths_are_rejected()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new CommitmentBelief(0, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => new CommitmentBelief(1, 1).Update(new ObservedSignal(CommitmentSignal.Reaffirmed, 0)));
        }
    }
}
