namespace Linchpin.Simulation;

/// <summary>
/// A rival that probes the alliance in its theatres: missile tests, grey-zone incidents, coercion.
/// Its incidents per year are Poisson with a rate that follows its reaction function
/// (<see cref="RivalReactions"/>): the base rate, rising as the credibility and cohesion of the
/// allies it faces fall and after new basing there.
/// </summary>
/// <param name="Name">Its name (<c>DPRK</c>).</param>
/// <param name="Theatres">The theatres (or ISO3 codes) it probes, at least one holding an ally.</param>
/// <param name="BaseRate">Incidents per year at the start year's credibility and cohesion, ≥ 0.</param>
/// <param name="ThreatJump">Rise of the touched allies' transient log threat per incident.</param>
/// <param name="Entrapment">Addition to the touched allies' entrapment exposure per incident (times their exposure).</param>
/// <param name="Background">
/// Whether the base rate is the start year's background (a typical year: its mean effect is already
/// in the start year, and only probing above it moves outcomes); otherwise every incident is new.
/// </param>
/// <param name="Label">Text for the event log.</param>
public sealed record RivalSetup(string Name, IReadOnlyList<string> Theatres, double BaseRate, double ThreatJump, double Entrapment, bool Background, string Label);

/// <summary>The kinds of non-monetary demand a patron makes of a host (docs/models/simulation.md, "Demands").</summary>
public enum DemandKind
{
    /// <summary>Join or contribute to a patron-led coalition (the Strait of Hormuz mission, 2019–20).</summary>
    Coalition,

    /// <summary>Host new missile systems (THAAD 2016–17; intermediate-range missiles after the INF Treaty).</summary>
    MissileBasing,

    /// <summary>Share intelligence with another ally (the Korea–Japan GSOMIA).</summary>
    IntelligenceSharing,

    /// <summary>Change the command arrangements (wartime OPCON transfer).</summary>
    CommandArrangement,

    /// <summary>Buy the patron's arms.</summary>
    ArmsPurchase,
}

/// <summary>
/// A demand the patron presses on a host in a year; the host accepts, meets it in part, or refuses
/// (<see cref="Demands"/>). Values are in net-benefit units.
/// </summary>
/// <param name="Id">A short id (<c>hormuz</c>), unique in the scenario.</param>
/// <param name="Kind">What is demanded.</param>
/// <param name="Ally">The host's ISO3 code: an ally in one of the patron's treaties.</param>
/// <param name="Year">The year it is pressed.</param>
/// <param name="PatronValue">What compliance is worth to the patron, and so the favour it earns the host, ≥ 0.</param>
/// <param name="AutonomyCost">The host's autonomy cost of full compliance, ≥ 0.</param>
/// <param name="Entrapment">Entrapment exposure full compliance adds (times the host's exposure), and the weight of the rival's reaction in its cost, ≥ 0.</param>
/// <param name="DomesticCost">The host's domestic political cost of full compliance, ≥ 0.</param>
/// <param name="LinkedToCostSharing">Whether the patron links it to the cost-sharing talks (a refusal hardens its position there).</param>
/// <param name="Partner">Another ally the demand involves (GSOMIA: Japan), whose friction with the host adds to the cost, or <c>null</c>.</param>
/// <param name="Rival">The rival whose reaction the host fears (basing: China), or <c>null</c>.</param>
/// <param name="Label">Text for the event log.</param>
public sealed record DemandSetup(
    string Id, DemandKind Kind, string Ally, int Year, double PatronValue, double AutonomyCost, double Entrapment, double DomesticCost,
    bool LinkedToCostSharing, string? Partner, string? Rival, string Label);

/// <summary>Friction between two allies of the patron (Japan–Korea), in [0, 1] at the start year.</summary>
/// <param name="First">One ally's ISO3 code.</param>
/// <param name="Second">The other's.</param>
/// <param name="Level">The start year's level in [0, 1].</param>
public sealed record FrictionSetup(string First, string Second, double Level);
