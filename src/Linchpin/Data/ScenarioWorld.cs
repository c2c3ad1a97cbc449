using System.Globalization;
using Linchpin.Analysis;
using Linchpin.Scenarios;
using Linchpin.Simulation;
using Linchpin.World;

namespace Linchpin.Data;

/// <summary>
/// Turns a <see cref="Scenario"/> into a <see cref="SimulationSetup"/> with the world data of its
/// start year: GDP from Maddison (2011 int$ million, the latest year within
/// <see cref="AllianceSpendingReader.MaxGdpLag"/> years), defence spending as % of GDP on one price
/// basis (<see cref="StartYearSpending"/>: NATO's figures for NATO allies and the patron, the
/// governments' defence budgets over GDP for the other allies); the scenario's overrides win. Notes
/// say which basis and source each figure came from.
/// </summary>
public static class ScenarioWorld
{
    /// <summary>The money unit of simulated amounts.</summary>
    public const string MoneyUnit = "int$ million (2011, PPP; Maddison 2023)";

    /// <summary>Resolves a scenario against the store.</summary>
    /// <exception cref="LinchpinException">An ally has no figure for the start year and no override, a code is not a country, or a shock touches no ally.</exception>
    public static (SimulationSetup Setup, IReadOnlyList<string> Notes) Resolve(WorldStore store, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(scenario);
        var start = scenario.StartYear;
        var notes = new List<string>();

        // A country's code, at its line in the scenario (the patron's or the ally's).
        LinchpinException IsoError(string iso3, string problem) => scenario.ErrorAt(iso3 == scenario.Patron.Iso3 ? "patron" : iso3, "iso3", problem);
        var maddison = store.Dataset(store.Require("maddison"));
        var gdpYear = Math.Min(start, maddison.Coverage.Last);
        if (start - gdpYear > AllianceSpendingReader.MaxGdpLag)
        {
            throw scenario.ErrorAt("start", "start",
                $"{start} is past the data: Maddison 2023 GDP ends in {maddison.Coverage.Last} and is used at most {AllianceSpendingReader.MaxGdpLag} years back, so start by {maddison.Coverage.Last + AllianceSpendingReader.MaxGdpLag}");
        }

        // A code outside the state list is usable only with both figures given.
        foreach (var (iso3, gdpGiven, pctGiven) in scenario.Allies.Select(a => (a.Iso3, a.Gdp is not null, a.PctGdp is not null))
            .Prepend((scenario.Patron.Iso3, scenario.Patron.Gdp is not null, scenario.Patron.PctGdp is not null)))
        {
            if (CountryDirectory.Shipped.FindIso3(iso3) is null && !(gdpGiven && pctGiven))
            {
                throw IsoError(iso3,
                    $"'{iso3}' is not a country in the COW state list (give 'gdp' and 'pct_gdp' to use it anyway)");
            }
        }

        var gdp = store.Query("SELECT countrycode, gdppc * pop / 1000 FROM maddison WHERE year = $y AND gdppc IS NOT NULL AND pop IS NOT NULL", ("y", (object)gdpYear)).Rows
            .ToDictionary(r => (string)r[0]!, r => Convert.ToDouble(r[1], CultureInfo.InvariantCulture));
        notes.Add(gdpYear == start ? $"GDP: Maddison 2023, {start}" : $"GDP: Maddison 2023, {gdpYear} (its latest year; start year {start})");

        AllianceSpending? nato = null;
        try
        {
            nato = AllianceSpendingReader.Nato(store, start, scenario.NatoEdition);
        }
        catch (LinchpinException) when (!scenario.NatoAllies)
        {
            // No NATO figures for the year: every actor needs a figure on the other basis (StartYearSpending).
        }

        var roster = scenario.NatoAllies
            ? store.Query($"SELECT iso3 FROM {store.Require("nato_members")} WHERE accession_year <= $y ORDER BY iso3", ("y", (object)start)).Rows.Select(r => (string)r[0]!).ToHashSet()
            : [];
        var specs = scenario.Allies.ToList();
        if (scenario.NatoAllies && nato is not null)
        {
            var listed = specs.Select(s => s.Iso3).ToHashSet();
            foreach (var member in nato.Members.Where(m => m.PctGdp is not null && roster.Contains(m.Iso3) && m.Iso3 != scenario.Patron.Iso3 && !listed.Contains(m.Iso3)).OrderBy(m => m.Iso3, StringComparer.Ordinal))
            {
                specs.Add(new AllySpec(member.Iso3));
            }
        }

        var startSpending = new List<StartSpending>();
        double Pct(string iso3, double? over)
        {
            var figure = StartYearSpending.Find(store, scenario, iso3, over, nato, () => Gdp(iso3, null));
            startSpending.Add(figure);
            return figure.PctGdp;
        }

        double Gdp(string iso3, double? over) => over ?? (gdp.TryGetValue(iso3, out var g) ? g
            : throw IsoError(iso3, $"'{iso3}' has no Maddison GDP for {gdpYear}; give 'gdp'"));

        var d = scenario.Defaults;
        var allies = specs.Select(s => new AllySetup(
            s.Iso3, CountryDirectory.Shipped.FindIso3(s.Iso3)?.Name ?? s.Iso3, Gdp(s.Iso3, s.Gdp), Pct(s.Iso3, s.PctGdp), s.Growth ?? d.Growth ?? 0.02,
            s.Theatre ?? (scenario.Theatres.TryGetValue(s.Iso3, out var theatre) ? theatre : d.Theatre ?? "main"),
            s.Belief ?? d.Belief ?? 0.75, 10, s.TroopsHosted ?? 0, s.AllianceAge ?? d.AllianceAge ?? 30, s.OutsideOption ?? d.OutsideOption ?? 0.3, s.CostSharing,
            new AllyTraits(s.Democracy ?? d.Democracy ?? false, s.IssueLinkage ?? d.IssueLinkage ?? false, s.Asymmetric ?? d.Asymmetric ?? true))).ToList();
        // A shock's target that touches no ally would silently do nothing.
        for (var k = 0; k < scenario.Shocks.Count; k++)
        {
            foreach (var target in scenario.Shocks[k].Targets.Where(t => t != "all" && !allies.Any(a => a.Iso3 == t || a.Theatre == t)))
            {
                throw scenario.ErrorAt(ScenarioFile.ShockKey(k), "targets",
                    $"'{target}' is neither an ally's theatre ({string.Join(", ", allies.Select(a => a.Theatre).Distinct().Order(StringComparer.Ordinal))}) nor an ally's ISO3 code, nor 'all'");
            }
        }

        var patron = new PatronSetup(scenario.Patron.Iso3, Gdp(scenario.Patron.Iso3, scenario.Patron.Gdp), Pct(scenario.Patron.Iso3, scenario.Patron.PctGdp),
            scenario.Patron.Growth, scenario.Patron.Reach);
        notes.AddRange(StartYearSpending.Notes(startSpending.OrderBy(f => f.Iso3 == scenario.Patron.Iso3 ? 0 : 1)));
        var members = TreatyMembership.Assign(store, scenario, specs, allies, notes);
        return (new SimulationSetup(scenario.Name, start, scenario.Years, patron, members, scenario.Doctrine, scenario.Shocks, scenario.Parameters), notes);
    }
}
