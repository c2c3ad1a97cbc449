using System.Runtime.CompilerServices;

namespace Linchpin.Simulation;

/// <summary>
/// The scenario's shocks: each scheduled shock fires in its year, each stochastic one with its
/// annual probability; a shock adds to the touched allies' log threat (an invasion to its
/// persistent level, the others to the transient), commitment signal and entrapment exposure.
/// </summary>
internal static class ScenarioShocks
{
    /// <summary>This year's shocks, into the buffer's <c>ShockJump</c>, <c>Signal</c>, <c>Level</c> and <c>Entrapment</c>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Fire(EngineTables tables, RunBuffer buffer, ref SimRandom rng, int year, double tau)
    {
        var p = tables.Parameters;
        var n = tables.N;
        var theatreDraw = buffer.TheatreDraw;
        for (var k = 0; k < theatreDraw.Length; k++)
        {
            theatreDraw[k] = p.ThreatVolatility > 0 ? p.ThreatVolatility * rng.NextNormal() : 0;
        }

        var shocksToday = buffer.ShockJump;
        var signal = buffer.Signal;
        var level = buffer.Level;
        var entrapment = buffer.Entrapment;
        var exposure = tables.Exposure;
        Array.Clear(shocksToday);
        Array.Clear(signal);
        var shocks = tables.Shocks;
        for (var s = 0; s < shocks.Length; s++)
        {
            var shock = shocks[s];
            var fires = shock.Year is { } y ? y == year : shock.Probability > 0 && rng.NextDouble() < shock.Probability;
            if (!fires)
            {
                continue;
            }

            buffer.Events.Add(new SimulationEvent(year, -1, SimulationEventKind.Shock, shock.ThreatJump, s));
            var touches = tables.ShockTouches[s];
            for (var i = 0; i < n; i++)
            {
                if (!touches[i])
                {
                    continue;
                }

                if (shock.Kind == ShockKind.Invasion)
                {
                    level[i] += shock.ThreatJump;
                }
                else
                {
                    shocksToday[i] += shock.ThreatJump;
                }

                signal[i] += shock.Signal;
                entrapment[i] += shock.Entrapment * exposure[i] * (1 + (0.5 * (1 - tau)));
                if (shock.Kind == ShockKind.RegimeChange)
                {
                    buffer.RegimeChangedUntil[i] = year + p.CovariateWindow - 1;
                }
                else if (shock.Kind == ShockKind.OutsideAlliance)
                {
                    buffer.OutsideAllianceUntil[i] = year + p.CovariateWindow - 1;
                }
            }
        }
    }
}
