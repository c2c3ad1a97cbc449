using Linchpin.Simulation;

namespace Linchpin.Tests.Simulation;

/// <summary>
/// The yearly joint-product game's solver against its first-order conditions and closed-form corners
/// (the engine's tests check the game it sets up each year; these, the solver itself).
/// </summary>
public class AllianceGameTests
{
    [Fact]
    public void A_best_response_fixed_point_holds_with_joint_products_and_spill_ins()
    {
        double[] income = [100, 80, 60, 10];
        double[] pub = [0.2, 0.1, 0.3, 0.05];
        double[] priv = [0.02, 0.05, 0.01, 0.03];
        double[] spill = [5, 0, 20, 1];
        var q = new double[4];
        var total = AllianceGame.Solve(income, pub, priv, spill, q);
        Assert.Equal(q.Sum(), total, 1e-10);
        for (var i = 0; i < 4; i++)
        {
            // First-order condition 1/(w − q) = B/(G + E) + D/q.
            Assert.Equal(1 / (income[i] - q[i]), (pub[i] / (total + spill[i])) + (priv[i] / q[i]), 1e-9);
        }
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public bool The_solver_finds_the_same_fixed_point_from_any_starting_guess(int seed)
    {
        // Random joint-product games, some allies without a private product or outside the game, a
        // random warm start: every interior ally satisfies its first-order condition, corner allies
        // their closed forms, and the total is the sum of the contributions.
        // Half the games as in the simulation (every ally interior, or out of the game with
        // w = B = D = 0), which the solver takes four allies at a time; half with corner allies.
        var random = new Random(seed);
        var n = 1 + random.Next(40);
        var simulationLike = random.Next(2) == 0;
        var income = new double[n];
        var pub = new double[n];
        var priv = new double[n];
        var spill = new double[n];
        for (var i = 0; i < n; i++)
        {
            var outside = random.Next(10) == 0;
            income[i] = outside ? 0 : Math.Exp(random.NextDouble() * 10);
            pub[i] = outside && simulationLike ? 0 : Math.Exp((random.NextDouble() * 8) - 6);
            priv[i] = outside && simulationLike ? 0 : !simulationLike && random.Next(5) == 0 ? 0 : Math.Exp((random.NextDouble() * 8) - 8);
            spill[i] = outside && simulationLike ? 0 : random.Next(3) == 0 ? 0 : Math.Exp(random.NextDouble() * 10);
        }

        var q = new double[n];
        var total = AllianceGame.Solve(income, pub, priv, spill, q, random.NextDouble() * income.Sum());
        if (Math.Abs(q.Sum() - total) > 1e-9 * Math.Max(1, total))
        {
            return false;
        }

        for (var i = 0; i < n; i++)
        {
            var expected = AllianceGame.Contribution(income[i], pub[i], priv[i], total, spill[i]);
            if (Math.Abs(q[i] - expected) > 1e-9 * Math.Max(1, income[i]) || q[i] < 0 || q[i] > income[i])
            {
                return false;
            }

            if (income[i] > 0 && priv[i] > 0 && q[i] > 1e-6 * income[i] && q[i] < income[i] * (1 - 1e-6))
            {
                // First-order condition 1/(w − q) = B/(G + E) + D/q, relative to its size.
                var lhs = 1 / (income[i] - q[i]);
                var rhs = (pub[i] / (total + spill[i])) + (priv[i] / q[i]);
                if (Math.Abs(lhs - rhs) > 1e-6 * lhs)
                {
                    return false;
                }
            }
        }

        return true;
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public bool A_warm_start_next_to_the_root_ends_on_the_same_spending(int seed)
    {
        // Simulation-like games (every ally interior) started within 10⁻⁵ of the root: the last,
        // small step fills the contributions by their second-order expansion, which must agree with
        // the cold solve's to far below the solver's tolerance, ally by ally.
        var random = new Random(seed);
        var n = 4 + random.Next(37);
        var income = new double[n];
        var pub = new double[n];
        var priv = new double[n];
        var spill = new double[n];
        for (var i = 0; i < n; i++)
        {
            income[i] = Math.Exp(random.NextDouble() * 10);
            pub[i] = Math.Exp((random.NextDouble() * 8) - 6);
            priv[i] = Math.Exp((random.NextDouble() * 8) - 8);
            spill[i] = random.Next(3) == 0 ? 0 : Math.Exp(random.NextDouble() * 10);
        }

        var cold = new double[n];
        var coldTotal = AllianceGame.Solve(income, pub, priv, spill, cold);
        var warm = new double[n];
        var offset = ((2 * random.NextDouble()) - 1) * 1e-5;
        var warmTotal = AllianceGame.Solve(income, pub, priv, spill, warm, coldTotal * (1 + offset));
        if (Math.Abs(warmTotal - coldTotal) > 1e-9 * coldTotal || Math.Abs(warm.Sum() - warmTotal) > 1e-9 * warmTotal)
        {
            return false;
        }

        for (var i = 0; i < n; i++)
        {
            if (Math.Abs(warm[i] - cold[i]) > 1e-9 * Math.Max(cold[i], 1e-3 * income[i]))
            {
                return false;
            }
        }

        return true;
    }
}
