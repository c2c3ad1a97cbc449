namespace Linchpin.World;

/// <summary>A spell of membership in the COW state system, inclusive dates.</summary>
/// <param name="Start">First day in the system.</param>
/// <param name="End">Last day in the system (2016-12-31 = still a member at the end of the list).</param>
public sealed record MembershipSpell(DateOnly Start, DateOnly End)
{
    /// <summary>Whether the spell covers any day of <paramref name="year"/>.</summary>
    public bool Covers(int year) => Start.Year <= year && End.Year >= year;
}

/// <summary>A state: COW code, ISO3 code where one exists, names, and state-system spells.</summary>
/// <param name="Code">COW state code.</param>
/// <param name="Iso3">ISO 3166-1 alpha-3 code, or <c>null</c> for states without one (e.g. Bavaria, the GDR).</param>
/// <param name="Abbreviation">COW abbreviation (e.g. ROK).</param>
/// <param name="Name">COW state name.</param>
/// <param name="Spells">Membership spells in the state system, in date order.</param>
public sealed record Country(CowCode Code, string? Iso3, string Abbreviation, string Name, IReadOnlyList<MembershipSpell> Spells)
{
    /// <summary>Whether the state was a system member on any day of <paramref name="year"/>.</summary>
    public bool InSystem(int year) => Spells.Any(s => s.Covers(year));
}
