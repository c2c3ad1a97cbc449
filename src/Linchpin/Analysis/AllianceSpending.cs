namespace Linchpin.Analysis;

/// <summary>The units money amounts of an <see cref="AllianceSpending"/> are in; never mixed within one.</summary>
/// <param name="Currency">ISO 4217 code or <c>int$</c> (international dollars, PPP).</param>
/// <param name="Unit">Scale of the amounts, e.g. <c>million</c>.</param>
/// <param name="PriceBasis">Price basis, e.g. <c>constant 2015 prices</c>.</param>
/// <param name="Source">Where GDP and spending levels come from, e.g. <c>NATO 2019-06 edition (real GDP, defence expenditure)</c>.</param>
public sealed record SpendingBasis(string Currency, string Unit, string PriceBasis, string Source)
{
    /// <summary>A short label such as <c>US$ million, constant 2015 prices</c>.</summary>
    public string Label => $"{Currency} {Unit}, {PriceBasis}";
}

/// <summary>One alliance member's defence effort in one year. A value the sources lack is <c>null</c>, never zero.</summary>
/// <param name="Iso3">ISO 3166-1 alpha-3 code (or the COW abbreviation for a state that has none).</param>
/// <param name="Country">Country name.</param>
/// <param name="PctGdp">Defence expenditure as % of GDP (0–100).</param>
/// <param name="Estimate">Whether the figure is the source's estimate (NATO marks its latest year so).</param>
/// <param name="DefenceSpending">Defence expenditure in the <see cref="SpendingBasis"/> of the alliance-year.</param>
/// <param name="Gdp">GDP in the same basis.</param>
/// <param name="GdpYear">The year the GDP level is for; differs from the alliance-year when the GDP source ends earlier.</param>
/// <param name="Population">Population, thousands.</param>
/// <param name="EquipmentPct">Major equipment (incl. related R&amp;D) as % of defence expenditure.</param>
public sealed record MemberSpending(
    string Iso3,
    string Country,
    double? PctGdp,
    bool Estimate,
    double? DefenceSpending,
    double? Gdp,
    int? GdpYear,
    double? Population,
    double? EquipmentPct);

/// <summary>What an alliance's members spend on defence in one year, from one source (one NATO edition, or NMC).</summary>
/// <param name="Alliance">Alliance name, e.g. <c>NATO</c>.</param>
/// <param name="Year">Calendar year (NATO assigns a fiscal year to the calendar year holding most of its months).</param>
/// <param name="Source">The source of the % of GDP figures, e.g. the NATO edition <c>2024-06</c>.</param>
/// <param name="Basis">Units of the money amounts; <c>null</c> when no member has money amounts.</param>
/// <param name="Members">The members, each with what is known.</param>
/// <param name="Patron">ISO3 of the patron (e.g. <c>USA</c>), for aggregates without it; <c>null</c> if none.</param>
/// <param name="Notes">Caveats that travel with the figures (price bases, excluded members, lags).</param>
/// <param name="Partial">Whether the source gives figures for only some of the alliance's members that year
/// (a press report quoting a few allies): counts and medians then describe those members only.</param>
/// <param name="Allies">How many members the alliance had that year that could have a figure (NATO: allies with armed
/// forces), so a count can say "of how many"; <c>null</c> when the source defines the membership itself.</param>
public sealed record AllianceSpending(
    string Alliance,
    int Year,
    string Source,
    SpendingBasis? Basis,
    IReadOnlyList<MemberSpending> Members,
    string? Patron,
    IReadOnlyList<string> Notes,
    bool Partial = false,
    int? Allies = null);
