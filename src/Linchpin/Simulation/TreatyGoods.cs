using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Linchpin.Simulation;

/// <summary>
/// The allies' defence spending: each year's joint-product game (<see cref="AllianceGame"/>) with
/// the weights set by threat, the pledge and the patron's pressure, and the patron's protection
/// each ally counts on as its spill-in. Each treaty is its own club good: an ally's security counts
/// its own treaty's spending G_k and the other treaties' at the spillover weight s,
/// X_i = G_k + s (G − G_k) + E_i (Sandler &amp; Murdoch's spill-ins between alliances).
/// </summary>
internal static class TreatyGoods
{
    /// <summary>
    /// Before solving: incomes grow, and each ally's weights in this year's game follow threat,
    /// beliefs and demands. Returns the solver's warm start: last year's spending of those still
    /// in the game, grown with GDP and scaled by the change of their weight on their own spending
    /// (the equilibrium does not depend on the start).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static double SetUp(EngineTables tables, RunBuffer buffer, int t, double tau)
    {
        var p = tables.Parameters;
        var n = tables.N;
        var doctrine = tables.Setup.Doctrine;
        var target = doctrine.FairShareTarget;
        var inverseTarget = target > 0 ? 1 / target : 0;
        var pull = (doctrine.Pledge ? p.PledgePull : 0) + (p.TransactionalPressure * tau);
        var protection = tables.PatronProtection[t];
        var alpha = buffer.Alpha.AsSpan(0, n);
        var beta = buffer.Beta.AsSpan(0, n);
        var status = buffer.Status.AsSpan(0, n);
        var belief = buffer.BeliefNow.AsSpan(0, n);
        var credibility = buffer.CredibilityNow.AsSpan(0, n);
        var gameIncome = buffer.GameIncome.AsSpan(0, n);
        var pubW = buffer.PublicWeight.AsSpan(0, n);
        var privW = buffer.PrivateWeight.AsSpan(0, n);
        var spill = buffer.SpillIn.AsSpan(0, n);
        var income = buffer.Income.AsSpan(0, n);
        var pct = buffer.Pct.AsSpan(0, n);
        var spending = buffer.Spending.AsSpan(0, n);
        var multipliers = buffer.Multiplier.AsSpan(0, n);
        var warm = buffer.Warm.AsSpan(0, n);
        var growth = tables.Growth.AsSpan(0, n);
        var publicWeight = tables.PublicWeight.AsSpan(0, n);
        var privateWeight = tables.PrivateWeight.AsSpan(0, n);
        var (one, zero) = (Vector256.Create(1.0), Vector256<double>.Zero);
        var (targets, inverseTargets, pulls, protections, discount) =
            (Vector256.Create(target), Vector256.Create(inverseTarget), Vector256.Create(pull), Vector256.Create(protection), Vector256.Create(p.HedgingDiscount));
        var i = 0;
        for (; i <= n - AllyLanes.Width; i += AllyLanes.Width)
        {
            // The scalar formulas of SetUpAlly, four allies at a time; an ally who left gets zeros.
            var grow = one + AllyLanes.Load(growth, i);
            var w = AllyLanes.Load(income, i) * grow;
            AllyLanes.Store(w, income, i);
            var a = AllyLanes.Load(alpha, i);
            var b = a / (a + AllyLanes.Load(beta, i));
            AllyLanes.Store(b, belief, i);
            var left = AllyLanes.Is(status, i, AllyStatus.Left);
            var c = Vector256.ConditionalSelect(AllyLanes.Is(status, i, AllyStatus.Hedging), discount * b, Vector256.ConditionalSelect(left, zero, b));
            AllyLanes.Store(c, credibility, i);
            var multiplier = AllyLanes.Load(multipliers, i);
            var gap = Vector256.Max(zero, targets - AllyLanes.Load(pct, i)) * inverseTargets;
            AllyLanes.Store(Vector256.ConditionalSelect(left, zero, w), gameIncome, i);
            AllyLanes.Store(Vector256.ConditionalSelect(left, zero, AllyLanes.Load(publicWeight, i) * multiplier), pubW, i);
            var previous = AllyLanes.Load(privW, i);
            var priv = AllyLanes.Load(privateWeight, i) * multiplier * (one + (pulls * gap));
            AllyLanes.Store(Vector256.ConditionalSelect(left, zero, priv), privW, i);
            AllyLanes.Store(Vector256.ConditionalSelect(left, zero, c * protections), spill, i);
            var scale = Vector256.ConditionalSelect(Vector256.GreaterThan(previous, zero), priv / previous, one);
            AllyLanes.Store(Vector256.ConditionalSelect(left, zero, AllyLanes.Load(spending, i) * grow * scale), warm, i);
        }

        for (; i < n; i++)
        {
            warm[i] = SetUpAlly(tables, buffer, i, inverseTarget, pull, protection);
        }

        // Summed ally by ally, in order: the warm start is the same on any width of vector.
        var guess = 0.0;
        var pools = tables.PoolCount > 1;
        var (pool, poolGuess) = (tables.Pool, buffer.PoolGuess);
        Array.Clear(poolGuess);
        for (i = 0; i < n; i++)
        {
            guess += warm[i];
            if (pools)
            {
                poolGuess[pool[i]] += warm[i];
            }
        }

        return guess;
    }

    /// <summary>One ally's <see cref="SetUp"/>; returns its warm start (0 once it has left).</summary>
    private static double SetUpAlly(EngineTables tables, RunBuffer buffer, int i, double inverseTarget, double pull, double protection)
    {
        var p = tables.Parameters;
        var growth = tables.Growth[i];
        buffer.Income[i] *= 1 + growth;

        // Beliefs are settled for the year (talks included): the credibility each ally acts on, here and in the hazard.
        var belief = buffer.BeliefNow[i] = buffer.Alpha[i] / (buffer.Alpha[i] + buffer.Beta[i]);
        var credibility = buffer.CredibilityNow[i] = Beliefs.Credibility(belief, buffer.Status[i], p);
        if (buffer.Status[i] == AllyStatus.Left)
        {
            buffer.GameIncome[i] = 0;
            buffer.PublicWeight[i] = 0;
            buffer.PrivateWeight[i] = 0;
            buffer.SpillIn[i] = 0;
            return 0;
        }

        var multiplier = buffer.Multiplier[i];
        var gap = Math.Max(0, tables.Setup.Doctrine.FairShareTarget - buffer.Pct[i]) * inverseTarget;
        buffer.GameIncome[i] = buffer.Income[i];
        buffer.PublicWeight[i] = tables.PublicWeight[i] * multiplier;
        var previous = buffer.PrivateWeight[i];
        var priv = buffer.PrivateWeight[i] = tables.PrivateWeight[i] * multiplier * (1 + (pull * gap));
        buffer.SpillIn[i] = credibility * protection;
        return buffer.Spending[i] * (1 + growth) * (previous > 0 ? priv / previous : 1);
    }

    /// <summary>The start year's treaty totals (the warm start of the first solve).</summary>
    internal static void Start(EngineTables tables, RunBuffer buffer)
    {
        Array.Clear(buffer.PoolTotal);
        for (var i = 0; i < tables.N; i++)
        {
            buffer.PoolTotal[tables.Pool[i]] += buffer.Spending[i];
        }
    }

    /// <summary>
    /// Solves this year's game into <c>Solved</c>; returns the allies' total. One treaty is one
    /// game; several are solved treaty by treaty (Gauss–Seidel over the treaties' totals, each a
    /// game with the others' spending at weight s in its spill-in) until no total moves by more
    /// than 10⁻¹² of the whole; at s = 0 one pass is exact.
    /// </summary>
    internal static double Solve(EngineTables tables, RunBuffer buffer, double guess)
    {
        if (tables.PoolCount == 1)
        {
            return AllianceGame.Solve(buffer.GameIncome, buffer.PublicWeight, buffer.PrivateWeight, buffer.SpillIn, buffer.Solved, guess, buffer.SolverScratch);
        }

        var (order, start, s) = (tables.PoolOrder, tables.PoolStart, tables.Spillover);
        var (income, pub, priv, spill, solved) = (buffer.PoolIncome, buffer.PoolPublic, buffer.PoolPrivate, buffer.PoolSpill, buffer.PoolSolved);
        var (totals, guesses) = (buffer.PoolTotal, buffer.PoolGuess);
        for (var j = 0; j < order.Length; j++)
        {
            var i = order[j];
            income[j] = buffer.GameIncome[i];
            pub[j] = buffer.PublicWeight[i];
            priv[j] = buffer.PrivateWeight[i];
        }

        var sum = 0.0;
        for (var k = 0; k < totals.Length; k++)
        {
            totals[k] = guesses[k] > 0 ? guesses[k] : totals[k];
            sum += totals[k];
        }

        for (var iteration = 0; iteration < 200; iteration++)
        {
            var change = 0.0;
            for (var k = 0; k < totals.Length; k++)
            {
                var others = s * (sum - totals[k]);
                var (from, count) = (start[k], start[k + 1] - start[k]);
                for (var j = from; j < from + count; j++)
                {
                    spill[j] = buffer.SpillIn[order[j]] + others;
                }

                var total = AllianceGame.Solve(income.AsSpan(from, count), pub.AsSpan(from, count), priv.AsSpan(from, count), spill.AsSpan(from, count),
                    solved.AsSpan(from, count), totals[k], buffer.SolverScratch);
                change = Math.Max(change, Math.Abs(total - totals[k]));
                sum += total - totals[k];
                totals[k] = total;
            }

            if (s == 0 || change <= 1e-12 * Math.Max(sum, 1e-300))
            {
                break;
            }
        }

        sum = 0;
        for (var k = 0; k < totals.Length; k++)
        {
            sum += totals[k];
        }

        for (var j = 0; j < order.Length; j++)
        {
            buffer.Solved[order[j]] = solved[j];
        }

        return sum;
    }

    /// <summary>After solving: members and hedgers spend their best responses; those who left grow theirs with GDP.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void TakeSpending(EngineTables tables, RunBuffer buffer)
    {
        var n = tables.N;
        var status = buffer.Status.AsSpan(0, n);
        var spending = buffer.Spending.AsSpan(0, n);
        var solved = buffer.Solved.AsSpan(0, n);
        var pct = buffer.Pct.AsSpan(0, n);
        var income = buffer.Income.AsSpan(0, n);
        var growth = tables.Growth.AsSpan(0, n);
        var (one, hundred) = (Vector256.Create(1.0), Vector256.Create(100.0));
        var i = 0;
        for (; i <= n - AllyLanes.Width; i += AllyLanes.Width)
        {
            var left = AllyLanes.Is(status, i, AllyStatus.Left);
            var spent = Vector256.ConditionalSelect(left, AllyLanes.Load(spending, i) * (one + AllyLanes.Load(growth, i)), AllyLanes.Load(solved, i));
            AllyLanes.Store(spent, spending, i);
            AllyLanes.Store(hundred * spent / AllyLanes.Load(income, i), pct, i);
        }

        for (; i < n; i++)
        {
            spending[i] = status[i] == AllyStatus.Left ? spending[i] * (1 + growth[i]) : solved[i];
            pct[i] = 100 * spending[i] / income[i];
        }
    }
}
