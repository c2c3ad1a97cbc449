using System.Runtime.CompilerServices;

namespace Linchpin.Simulation;

/// <summary>
/// The allies' defence spending: each year's joint-product game (<see cref="AllianceGame"/>) with
/// the weights set by threat, the pledge and the patron's pressure, and the patron's protection
/// each ally counts on as its spill-in.
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
        var (alpha, beta, status, belief, credibility) = (buffer.Alpha, buffer.Beta, buffer.Status, buffer.BeliefNow, buffer.CredibilityNow);
        var (gameIncome, pubW, privW, spill) = (buffer.GameIncome, buffer.PublicWeight, buffer.PrivateWeight, buffer.SpillIn);
        var (income, pct, spending) = (buffer.Income, buffer.Pct, buffer.Spending);
        var (growth, publicWeight, privateWeight) = (tables.Growth, tables.PublicWeight, tables.PrivateWeight);
        var guess = 0.0;
        for (var i = 0; i < n; i++)
        {
            income[i] *= 1 + growth[i];

            // Beliefs are settled for the year (talks included): the credibility each ally acts on, here and in the hazard.
            belief[i] = alpha[i] / (alpha[i] + beta[i]);
            credibility[i] = Beliefs.Credibility(belief[i], status[i], p);
            if (status[i] == AllyStatus.Left)
            {
                gameIncome[i] = 0;
                pubW[i] = 0;
                privW[i] = 0;
                spill[i] = 0;
                continue;
            }

            var multiplier = buffer.Multiplier[i];
            var gap = Math.Max(0, target - pct[i]) * inverseTarget;
            gameIncome[i] = income[i];
            pubW[i] = publicWeight[i] * multiplier;
            var previous = privW[i];
            privW[i] = privateWeight[i] * multiplier * (1 + (pull * gap));
            spill[i] = credibility[i] * protection;
            guess += spending[i] * (1 + growth[i]) * (previous > 0 ? privW[i] / previous : 1);
        }

        return guess;
    }

    /// <summary>Solves this year's game into <c>Solved</c>; returns the allies' total.</summary>
    internal static double Solve(RunBuffer buffer, double guess) =>
        AllianceGame.Solve(buffer.GameIncome, buffer.PublicWeight, buffer.PrivateWeight, buffer.SpillIn, buffer.Solved, guess);

    /// <summary>After solving: members and hedgers spend their best responses; those who left grow theirs with GDP.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void TakeSpending(EngineTables tables, RunBuffer buffer)
    {
        var (status, spending, solved, pct, income) = (buffer.Status, buffer.Spending, buffer.Solved, buffer.Pct, buffer.Income);
        var growth = tables.Growth;
        for (var i = 0; i < tables.N; i++)
        {
            spending[i] = status[i] == AllyStatus.Left ? spending[i] * (1 + growth[i]) : solved[i];
            pct[i] = 100 * spending[i] / income[i];
        }
    }
}
