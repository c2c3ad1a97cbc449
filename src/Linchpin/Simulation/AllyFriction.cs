using System.Runtime.CompilerServices;

namespace Linchpin.Simulation;

/// <summary>
/// Friction between allies of the same patron (Japan–Korea: the 2019 export controls and the
/// GSOMIA notice): each pair's level f in [0, 1] keeps a share μ_f a year and rises with friction
/// shocks, f_t = min(1, μ_f f_{t−1} + shock). It costs each ally c_f Σ f in net benefit (lost
/// trilateral cooperation), raises the cost of demands that involve the partner, and counts as lost
/// cohesion for the rivals.
/// </summary>
internal static class AllyFriction
{
    /// <summary>This year's friction levels and each ally's total.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Step(EngineTables tables, RunBuffer buffer)
    {
        var actors = tables.Actors;
        var (level, shock, sum) = (buffer.FrictionLevel, buffer.FrictionShock, buffer.FrictionSum);
        if (level.Length == 0)
        {
            return;
        }

        var memory = tables.Parameters.FrictionMemory;
        Array.Clear(sum);
        for (var k = 0; k < level.Length; k++)
        {
            level[k] = Math.Min(1, (memory * level[k]) + shock[k]);
            shock[k] = 0;
            sum[actors.PairFirst[k]] += level[k];
            sum[actors.PairSecond[k]] += level[k];
        }
    }

    /// <summary>Each ally's total friction at the start.</summary>
    internal static void Start(EngineTables tables, RunBuffer buffer)
    {
        var actors = tables.Actors;
        Array.Clear(buffer.FrictionSum);
        Array.Clear(buffer.FrictionShock);
        for (var k = 0; k < actors.Friction0.Length; k++)
        {
            buffer.FrictionLevel[k] = actors.Friction0[k];
            buffer.FrictionSum[actors.PairFirst[k]] += actors.Friction0[k];
            buffer.FrictionSum[actors.PairSecond[k]] += actors.Friction0[k];
        }
    }
}
