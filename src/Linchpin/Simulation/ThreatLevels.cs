using System.Runtime.CompilerServices;

namespace Linchpin.Simulation;

/// <summary>
/// Log threat per ally: a persistent AR(1) transient x_t = φ x_{t−1} + σ ε_theatre + shocks, plus
/// the persistent level that invasions raise, measured from the background mean; the recorded
/// threat is exp(x) and the game's weights scale with exp(η x).
/// </summary>
internal static class ThreatLevels
{
    /// <summary>This year's threat levels (into <c>ThreatLevel</c>) and the game's multipliers exp(η x) (into <c>Multiplier</c>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Evolve(EngineTables tables, RunBuffer buffer)
    {
        var p = tables.Parameters;
        var n = tables.N;
        var persistence = p.ThreatPersistence;
        var (transient, level, shocksToday, threat, theatreDraw) = (buffer.Transient, buffer.Level, buffer.ShockJump, buffer.ThreatLevel, buffer.TheatreDraw);
        var (theatre, background) = (tables.Theatre, tables.BackgroundThreat);
        for (var i = 0; i < n; i++)
        {
            transient[i] = (persistence * transient[i]) + theatreDraw[theatre[i]] + shocksToday[i];
            threat[i] = transient[i] + level[i] - background[i];
        }

        // The game's weights scale with exp(η·x); exp(x) itself is the recorded threat level.
        var multiplier = buffer.Multiplier;
        var elasticity = p.ThreatElasticity;
        if (elasticity != 1)
        {
            for (var i = 0; i < n; i++)
            {
                multiplier[i] = elasticity * threat[i];
            }

            ExpSpan.Exp(multiplier, multiplier);
        }

        ExpSpan.Exp(threat, threat);
        if (elasticity == 1)
        {
            threat.CopyTo(multiplier, 0);
        }
    }
}
