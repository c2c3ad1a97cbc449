using System.Runtime.Intrinsics;

namespace Linchpin.Simulation;

/// <summary>
/// Reputation across alliances: an ally takes what the patron does to another ally i as evidence
/// about its own commitment, with weight ρ · similarity(ally, i) — similarity of their alliance
/// portfolios (Alignment/PortfolioSimilarity's S, rescaled to [0, 1]).
/// </summary>
/// <remarks>
/// Contested: Press (2005, <i>Calculating Credibility</i>) finds leaders judge credibility by current
/// interests and power, not past behaviour (ρ = 0); Weisiger &amp; Yarhi-Milo (2015, IO 69(2)) find
/// past backing down does matter (ρ &gt; 0). ρ is a documented assumption, a target for the sensitivity analysis.
/// </remarks>
internal static class Reputation
{
    /// <summary>Spreads a signal the patron sent ally <paramref name="from"/> to every other ally.</summary>
    internal static void Spread(EngineTables tables, RunBuffer buffer, int from, double signal)
    {
        if (tables.Parameters.ReputationWeight <= 0)
        {
            return;
        }

        // Each ally adds (ρ · similarity) · signal, the product ρ · similarity read from the table; the
        // table's zero toward the sender adds nothing to its own (evidence never makes an exact zero negative).
        var n = tables.N;
        AddScaled(buffer.Reputation.AsSpan(0, n), tables.ReputationFrom.AsSpan(from * n, n), signal);
    }

    /// <summary>
    /// Spreads the signals the patron sent several allies (<paramref name="senders"/>, ascending, with their
    /// <paramref name="signals"/>) to every other ally: what <see cref="Spread"/> does sender by sender, in the
    /// same order for each receiver, so the same sums, with each receiver's running sum kept in a register.
    /// </summary>
    internal static void SpreadEach(EngineTables tables, RunBuffer buffer, ReadOnlySpan<int> senders, ReadOnlySpan<double> signals)
    {
        if (tables.Parameters.ReputationWeight <= 0 || senders.Length == 0)
        {
            return;
        }

        var n = tables.N;
        var weights = tables.ReputationFrom;
        var reputation = buffer.Reputation.AsSpan(0, n);
        var k = 0;

        // Two blocks of receivers at a time: their running sums are independent, so each waits on its own additions only.
        for (; k <= n - (2 * AllyLanes.Width); k += 2 * AllyLanes.Width)
        {
            var first = AllyLanes.Load(reputation, k);
            var second = AllyLanes.Load(reputation, k + AllyLanes.Width);
            for (var s = 0; s < senders.Length; s++)
            {
                var (row, signal) = (senders[s] * n, Vector256.Create(signals[s]));
                first += AllyLanes.Load(weights, row + k) * signal;
                second += AllyLanes.Load(weights, row + k + AllyLanes.Width) * signal;
            }

            AllyLanes.Store(first, reputation, k);
            AllyLanes.Store(second, reputation, k + AllyLanes.Width);
        }

        for (; k <= n - AllyLanes.Width; k += AllyLanes.Width)
        {
            var sum = AllyLanes.Load(reputation, k);
            for (var s = 0; s < senders.Length; s++)
            {
                sum += AllyLanes.Load(weights, (senders[s] * n) + k) * Vector256.Create(signals[s]);
            }

            AllyLanes.Store(sum, reputation, k);
        }

        for (; k < n; k++)
        {
            var sum = reputation[k];
            for (var s = 0; s < senders.Length; s++)
            {
                sum += weights[(senders[s] * n) + k] * signals[s];
            }

            reputation[k] = sum;
        }
    }

    /// <summary>
    /// Spreads a signal the patron sent several allies at once (a withheld or given reaffirmation) to those it
    /// did not touch: each takes ρ × its mean similarity to the touched allies × the signal.
    /// </summary>
    internal static void SpreadFromMany(EngineTables tables, RunBuffer buffer, bool[] touched, double signal)
    {
        var weight = tables.Parameters.ReputationWeight;
        if (weight <= 0 || signal == 0)
        {
            return;
        }

        var n = tables.N;
        for (var i = 0; i < n; i++)
        {
            if (touched[i])
            {
                continue;
            }

            double sum = 0;
            var count = 0;
            for (var j = 0; j < n; j++)
            {
                if (touched[j])
                {
                    sum += tables.Similarity[(i * n) + j];
                    count++;
                }
            }

            if (count > 0)
            {
                buffer.Reputation[i] += weight * signal * sum / count;
            }
        }
    }

    /// <summary><paramref name="target"/>[k] += <paramref name="weights"/>[k] · <paramref name="signal"/>, four lanes at a time (each lane rounds as the scalar sum does).</summary>
    private static void AddScaled(Span<double> target, ReadOnlySpan<double> weights, double signal)
    {
        var k = 0;
        var scale = Vector256.Create(signal);
        for (; k <= target.Length - Vector256<double>.Count; k += Vector256<double>.Count)
        {
            AllyLanes.Store(AllyLanes.Load(target, k) + (AllyLanes.Load(weights, k) * scale), target, k);
        }

        for (; k < target.Length; k++)
        {
            target[k] += weights[k] * signal;
        }
    }
}
