namespace Linchpin.Games.Credibility;

/// <summary>
/// Parameters of the abandonment–entrapment model (model 05, a Linchpin formalisation of Snyder
/// 1984, Morrow 1991, Fearon 1997 and Benson 2012). All non-negative.
/// </summary>
public sealed record SecurityDilemmaParameters
{
    /// <summary>Creates and checks the parameters.</summary>
    /// <param name="gain">G: the protégé's marginal gain from pressing its claims.</param>
    /// <param name="curvature">k &gt; 0: the protégé's cost curvature of firmness.</param>
    /// <param name="loss">L: the protégé's loss if it faces the adversary alone in a crisis.</param>
    /// <param name="baseline">a₀: baseline probability that the adversary starts a crisis.</param>
    /// <param name="deterrence">β ∈ [0, 1]: how much the patron's commitment deters the adversary.</param>
    /// <param name="provocation">π₁: extra crisis probability per unit of the protégé's firmness.</param>
    /// <param name="fightCost">c_P: the patron's cost of fighting for the protégé (entrapment cost).</param>
    /// <param name="abandonCost">ρ_P: the patron's cost of not fighting when the protégé is in a crisis.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range, or the crisis probability could exceed 1.</exception>
    public SecurityDilemmaParameters(double gain, double curvature, double loss, double baseline, double deterrence, double provocation, double fightCost, double abandonCost)
    {
        Require.NonNegative(gain, nameof(gain));
        Require.Positive(curvature, nameof(curvature));
        Require.NonNegative(loss, nameof(loss));
        Require.UnitInterval(baseline, nameof(baseline));
        Require.UnitInterval(deterrence, nameof(deterrence));
        Require.NonNegative(provocation, nameof(provocation));
        Require.NonNegative(fightCost, nameof(fightCost));
        Require.NonNegative(abandonCost, nameof(abandonCost));
        if (baseline + provocation > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(provocation), provocation, $"baseline + provocation = {baseline + provocation} > 1: the crisis probability could exceed 1");
        }

        Gain = gain;
        Curvature = curvature;
        Loss = loss;
        Baseline = baseline;
        Deterrence = deterrence;
        Provocation = provocation;
        FightCost = fightCost;
        AbandonCost = abandonCost;
    }

    /// <summary>G.</summary>
    public double Gain { get; }

    /// <summary>k.</summary>
    public double Curvature { get; }

    /// <summary>L.</summary>
    public double Loss { get; }

    /// <summary>a₀.</summary>
    public double Baseline { get; }

    /// <summary>β.</summary>
    public double Deterrence { get; }

    /// <summary>π₁.</summary>
    public double Provocation { get; }

    /// <summary>c_P.</summary>
    public double FightCost { get; }

    /// <summary>ρ_P.</summary>
    public double AbandonCost { get; }
}

/// <summary>The model evaluated at one commitment level κ.</summary>
/// <param name="Commitment">κ: the probability the patron fights if the protégé is in a crisis.</param>
/// <param name="Firmness">f*(κ): the protégé's best-response firmness toward the adversary.</param>
/// <param name="CrisisProbability">π* = a₀(1 − βκ) + π₁ f*.</param>
/// <param name="PatronPayoff">U_P = −π* [κ c_P + (1 − κ) ρ_P].</param>
/// <param name="ProtegePayoff">U_A = G f* − (k/2) f*² − π* (1 − κ) L.</param>
/// <param name="AbandonmentRisk">The protégé's abandonment risk (1 − κ) π*.</param>
/// <param name="EntrapmentExposure">The patron's entrapment exposure κ π* c_P.</param>
/// <param name="MoralHazardGap">f*(κ) − f*(0): how much the commitment emboldens the protégé.</param>
public sealed record CommitmentOutcome(
    double Commitment, double Firmness, double CrisisProbability, double PatronPayoff, double ProtegePayoff,
    double AbandonmentRisk, double EntrapmentExposure, double MoralHazardGap);

/// <summary>Local comparative statics at a commitment level (derivatives with respect to κ).</summary>
/// <param name="FirmnessSlope">∂f*/∂κ: π₁L/k where f* is interior, 0 where it is clipped.</param>
/// <param name="CrisisSlope">dπ*/dκ = −a₀β + π₁ ∂f*/∂κ.</param>
/// <param name="EntrapmentDominates">Whether tighter commitment raises crisis frequency here (π₁²L/k &gt; a₀β with interior f*).</param>
public sealed record CommitmentSlopes(double FirmnessSlope, double CrisisSlope, bool EntrapmentDominates);

/// <summary>
/// The alliance security dilemma: a patron picks commitment κ; the protégé picks firmness f toward
/// the adversary; tighter commitment deters the adversary but emboldens the protégé.
/// </summary>
/// <remarks>
/// Snyder (1984) <i>World Politics</i> 36: 461–495; Morrow (1991) <i>AJPS</i> 35: 904–933; Fearon
/// (1997) <i>JCR</i> 41: 68–90; Benson (2012) <i>Constructing International Security</i>. The
/// tractable form (model 05 §5.3) is a Linchpin proposal with closed forms:
/// <c>f*(κ) = clip((G − π₁(1 − κ)L)/k, 0, 1)</c>, emboldening threshold <c>κ̄ = 1 − G/(π₁L)</c>.
/// <c>U_P</c> is a quadratic in κ on each of the (at most three) pieces where f* is 0, interior or
/// 1, so the patron's optimum is found exactly from the pieces' endpoints and stationary points.
/// </remarks>
public static class SecurityDilemma
{
    /// <summary>The protégé's best-response firmness f*(κ).</summary>
    public static double Firmness(SecurityDilemmaParameters parameters, double commitment)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Require.UnitInterval(commitment, nameof(commitment));
        var p = parameters;
        return Math.Clamp((p.Gain - (p.Provocation * (1 - commitment) * p.Loss)) / p.Curvature, 0, 1);
    }

    /// <summary>
    /// The emboldening threshold κ̄ = 1 − G/(π₁L), clipped to [0, 1]: the protégé stands firm
    /// (f* &gt; 0) only when κ exceeds it. 0 when π₁L = 0 (nothing restrains it).
    /// </summary>
    public static double EmboldeningThreshold(SecurityDilemmaParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var restraint = parameters.Provocation * parameters.Loss;
        return restraint > 0 ? Math.Clamp(1 - (parameters.Gain / restraint), 0, 1) : 0;
    }

    /// <summary>Everything the model says at commitment κ.</summary>
    public static CommitmentOutcome Evaluate(SecurityDilemmaParameters parameters, double commitment)
    {
        var f = Firmness(parameters, commitment);
        var p = parameters;
        var crisis = (p.Baseline * (1 - (p.Deterrence * commitment))) + (p.Provocation * f);
        var patron = -crisis * ((commitment * p.FightCost) + ((1 - commitment) * p.AbandonCost));
        var protege = (p.Gain * f) - (p.Curvature / 2 * f * f) - (crisis * (1 - commitment) * p.Loss);
        return new CommitmentOutcome(
            commitment, f, crisis, patron, protege, (1 - commitment) * crisis, commitment * crisis * p.FightCost, f - Firmness(p, 0));
    }

    /// <summary>The local comparative statics at κ (right-hand derivatives at a kink).</summary>
    public static CommitmentSlopes Slopes(SecurityDilemmaParameters parameters, double commitment)
    {
        var p = parameters;
        var raw = (p.Gain - (p.Provocation * (1 - commitment) * p.Loss)) / p.Curvature;
        var interior = raw >= 0 && raw < 1 && p.Provocation * p.Loss > 0 && commitment < 1;
        var firmnessSlope = interior ? p.Provocation * p.Loss / p.Curvature : 0;
        var crisisSlope = (-p.Baseline * p.Deterrence) + (p.Provocation * firmnessSlope);
        return new CommitmentSlopes(firmnessSlope, crisisSlope, crisisSlope > 0);
    }

    /// <summary>The patron's optimal commitment κ* ∈ [0, 1], exactly (the smallest κ among ties).</summary>
    public static CommitmentOutcome OptimalCommitment(SecurityDilemmaParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var p = parameters;
        var candidates = new List<double> { 0, 1 };
        var restraint = p.Provocation * p.Loss;
        if (restraint > 0)
        {
            // Kinks: f* leaves 0 at κ̄, reaches 1 where G − π₁(1 − κ)L = k.
            candidates.Add(1 - (p.Gain / restraint));
            candidates.Add(1 - ((p.Gain - p.Curvature) / restraint));
        }

        var kinks = candidates.Where(k => k is >= 0 and <= 1).Distinct().Order().ToList();
        var points = new List<double>(kinks);
        for (var i = 0; i + 1 < kinks.Count; i++)
        {
            // On a piece U_P(κ) = −(u + vκ)(w + zκ) is quadratic: fit it from three points, take the vertex.
            double lo = kinks[i], hi = kinks[i + 1], mid = (lo + hi) / 2;
            double f0 = Evaluate(p, lo).PatronPayoff, f1 = Evaluate(p, mid).PatronPayoff, f2 = Evaluate(p, hi).PatronPayoff;
            var h = (hi - lo) / 2;
            var a = (f0 - (2 * f1) + f2) / (2 * h * h);
            var b = (f2 - f0) / (2 * h);
            if (a < 0)
            {
                var vertex = mid - (b / (2 * a));
                if (vertex > lo && vertex < hi)
                {
                    points.Add(vertex);
                }
            }
        }

        var best = points.Order().Select(k => Evaluate(p, k)).MaxBy(o => Math.Round(o.PatronPayoff, 12))!;
        return best;
    }
}
