namespace Linchpin.World;

/// <summary>
/// What a member pledges in a treaty. Each member carries its own set, so one-sided pledges are
/// representable: in the 1960 US–Japan treaty the United States pledges defence and Japan does not.
/// </summary>
[Flags]
public enum Obligations
{
    /// <summary>No pledge.</summary>
    None = 0,

    /// <summary>Active military support if the partner is attacked.</summary>
    Defense = 1,

    /// <summary>Active military support in a war the partner starts.</summary>
    Offense = 2,

    /// <summary>Neutrality if the partner is at war.</summary>
    Neutrality = 4,

    /// <summary>No attack on the partner.</summary>
    NonAggression = 8,

    /// <summary>Consultation in a crisis (COW: entente).</summary>
    Consultation = 16,
}

/// <summary>A member of a treaty over a spell, with the obligations it undertakes.</summary>
/// <param name="Code">COW code of the member.</param>
/// <param name="Entered">Year it entered (or the phase began).</param>
/// <param name="Exited">Year it left, or <c>null</c> if still a member at the end of the data.</param>
/// <param name="Pledges">What this member pledges to the others.</param>
public sealed record AllianceMember(CowCode Code, int Entered, int? Exited, Obligations Pledges);

/// <summary>A treaty of alliance.</summary>
/// <param name="Id">Identifier in its source (ATOP atopid, or COW version4id).</param>
/// <param name="Source">Dataset and version (e.g. <c>atop_member 4.01</c>).</param>
/// <param name="Name">Name, where the source gives none: built from the members.</param>
/// <param name="SignedYear">Year signed.</param>
/// <param name="EndedYear">Year ended, or <c>null</c> if in force at the end of the data.</param>
/// <param name="Members">Members and their pledges, one entry per member spell or phase.</param>
public sealed record Alliance(int Id, string Source, string Name, int SignedYear, int? EndedYear, IReadOnlyList<AllianceMember> Members)
{
    /// <summary>The union of every member's pledges: what kind of treaty it is.</summary>
    public Obligations AnyPledge => Members.Aggregate(Obligations.None, (all, m) => all | m.Pledges);

    /// <summary>Whether the members' pledges differ (an asymmetric treaty).</summary>
    public bool IsAsymmetric => Members.Select(m => m.Pledges).Distinct().Skip(1).Any();
}
