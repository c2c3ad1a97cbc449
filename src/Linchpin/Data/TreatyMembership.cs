using System.Globalization;
using Linchpin.Scenarios;
using Linchpin.Simulation;
using Linchpin.World;

namespace Linchpin.Data;

/// <summary>
/// The treaty structure of a scenario from ATOP membership: each ally's treaty, the club good its
/// defence spending belongs to (docs/models/simulation.md, "Treaty goods").
/// </summary>
/// <remarks>
/// An ally's treaty is, in this order: the ATOP id the scenario gives (<c>treaty:</c>, checked
/// against ATOP's alliance list); NATO (ATOP 3180) for a NATO member of the start year (the
/// project's <c>nato_members</c>, which runs past ATOP 4.01's last year); otherwise the ATOP 4.01
/// alliance in effect in the start year (or ATOP's last year, 2016, when the start is later, with a
/// note) in which the patron owes a defence obligation and the ally is a member, preferring the one
/// that binds most of the scenario's allies, then the larger, then the lower id. An ally with no such
/// alliance joins the pool of allies without a treaty, with a note.
/// </remarks>
public static class TreatyMembership
{
    /// <summary>ATOP's id of the North Atlantic Treaty.</summary>
    public const int Nato = 3180;

    /// <summary>The allies with their treaties set; notes say where each came from.</summary>
    /// <exception cref="LinchpinException">A treaty the scenario gives is not an ATOP alliance id (naming the scenario's line and field).</exception>
    public static IReadOnlyList<AllySetup> Assign(WorldStore store, Scenario scenario, IReadOnlyList<AllySpec> specs, IReadOnlyList<AllySetup> allies, List<string> notes)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(allies);
        ArgumentNullException.ThrowIfNull(notes);
        var start = scenario.StartYear;
        var member = store.Dataset(store.Require("atop_member"));
        store.Require("atop_alliance");
        var year = Math.Min(start, member.Coverage.Last);
        var nato = store.Query($"SELECT iso3 FROM {store.Require("nato_members")} WHERE accession_year <= $y", ("y", (object)start)).Rows
            .Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);

        // Every ATOP alliance in effect in the year in which the patron owes a defence obligation: its members.
        var patronCode = CountryDirectory.Shipped.FindIso3(scenario.Patron.Iso3)?.Code.Value ?? -1;
        var pacts = store.Query(
            """
            SELECT m.atopid, m.member FROM atop_member m
            WHERE m.yrent <= $y AND (m.yrexit = 0 OR m.yrexit >= $y)
              AND m.atopid IN (SELECT atopid FROM atop_member WHERE member = $p AND defense = 1 AND yrent <= $y AND (yrexit = 0 OR yrexit >= $y))
            ORDER BY m.atopid, m.member
            """, ("y", (object)year), ("p", (object)patronCode)).Rows
            .GroupBy(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture), r => Convert.ToInt32(r[1], CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.ToHashSet());
        var codes = allies.Select(a => CountryDirectory.Shipped.FindIso3(a.Iso3)?.Code.Value ?? -1).ToArray();
        var given = specs.ToDictionary(s => s.Iso3, s => s.Treaty, StringComparer.Ordinal);
        var result = new List<AllySetup>(allies.Count);
        var fromAtop = new List<string>();
        var none = new List<string>();
        for (var i = 0; i < allies.Count; i++)
        {
            var ally = allies[i];
            int? treaty;
            if (given.GetValueOrDefault(ally.Iso3) is { } id)
            {
                if (store.Query("SELECT 1 FROM atop_alliance WHERE atopid = $id", ("id", (object)id)).Rows.Count == 0)
                {
                    throw scenario.ErrorAt(ally.Iso3 + ".treaty", "treaty", $"{id} is not an ATOP alliance id (ATOP {member.Version})");
                }

                treaty = id;
            }
            else if (nato.Contains(ally.Iso3))
            {
                treaty = Nato;
            }
            else
            {
                var code = codes[i];
                treaty = pacts.Where(p => p.Value.Contains(code))
                    .OrderByDescending(p => codes.Count(p.Value.Contains)).ThenByDescending(p => p.Value.Count).ThenBy(p => p.Key)
                    .Select(p => (int?)p.Key).FirstOrDefault();
                if (treaty is { } found)
                {
                    fromAtop.Add($"{ally.Iso3} {found.ToString(CultureInfo.InvariantCulture)}");
                }
                else
                {
                    none.Add(ally.Iso3);
                }
            }

            result.Add(ally with { Treaty = treaty?.ToString(CultureInfo.InvariantCulture) });
        }

        if (fromAtop.Count > 0)
        {
            notes.Add($"treaties from ATOP {member.Version} membership in {year}{(year < start ? $" (its last year; start {start})" : "")}: {string.Join(", ", fromAtop)}");
        }

        if (none.Count > 0)
        {
            notes.Add($"no ATOP {member.Version} defence pact of {scenario.Patron.Iso3} in {year} for {string.Join(", ", none)}: they share one pool");
        }

        return result;
    }
}
