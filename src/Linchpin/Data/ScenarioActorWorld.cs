using Linchpin.Alignment;
using Linchpin.Scenarios;
using Linchpin.Simulation;
using Linchpin.World;

namespace Linchpin.Data;

/// <summary>
/// A scenario's rivals, demands and frictions checked against its resolved allies, and the allies'
/// pairwise similarity for reputation across alliances: Signorino &amp; Ritter's S of their ATOP 5.1
/// alliance portfolios (standard 0–3 coding) in the start year (or ATOP's last year), rescaled to
/// [0, 1] as (S + 1)/2.
/// </summary>
public static class ScenarioActorWorld
{
    /// <summary>The setup with the scenario's actors and the similarity matrix.</summary>
    /// <exception cref="LinchpinException">
    /// A demand is on a country that is not an ally of the scenario or is in none of the patron's treaties,
    /// a demand's partner or a friction's ally is not an ally, or a rival faces no ally (naming the line and field).
    /// </exception>
    public static SimulationSetup Resolve(Scenario scenario, SimulationSetup setup, List<string> notes)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(notes);
        var allies = setup.Allies.ToDictionary(a => a.Iso3, StringComparer.Ordinal);
        foreach (var demand in scenario.Demands ?? [])
        {
            if (!allies.TryGetValue(demand.Ally, out var ally))
            {
                throw scenario.ErrorAt("demand:" + demand.Id, "ally", $"'{demand.Ally}' is not an ally of the scenario");
            }

            if (ally.Treaty is null)
            {
                throw scenario.ErrorAt("demand:" + demand.Id, "ally", $"'{demand.Ally}' is in none of {setup.Patron.Iso3}'s treaties (give its 'treaty')");
            }

            if (demand.Partner is { } partner && !allies.ContainsKey(partner))
            {
                throw scenario.ErrorAt("demand:" + demand.Id + ".partner", "partner", $"'{partner}' is not an ally of the scenario");
            }
        }

        foreach (var rival in scenario.Rivals ?? [])
        {
            if (!setup.Allies.Any(a => RivalReactions.Faces(rival, a)))
            {
                throw scenario.ErrorAt("rival:" + rival.Name + ".theatres", "theatres",
                    $"rival '{rival.Name}' faces no ally: none is in {string.Join(", ", rival.Theatres)}");
            }
        }

        foreach (var friction in scenario.Frictions ?? [])
        {
            foreach (var iso3 in (string[])[friction.First, friction.Second])
            {
                if (!allies.ContainsKey(iso3))
                {
                    throw scenario.ErrorAt($"friction:{friction.First}-{friction.Second}", "between", $"'{iso3}' is not an ally of the scenario");
                }
            }
        }

        for (var s = 0; s < scenario.Shocks.Count; s++)
        {
            var shock = scenario.Shocks[s];
            if (shock.Kind == ShockKind.Friction && shock.Targets.FirstOrDefault(t => !allies.ContainsKey(t)) is { } missing)
            {
                throw scenario.ErrorAt(ScenarioFile.ShockKey(s), "targets", $"friction shock '{shock.Label}': '{missing}' is not an ally of the scenario");
            }
        }

        var similarity = (scenario.Parameters.ReputationWeight > 0 && setup.Allies.Count > 1) ? Similarity(scenario.StartYear, setup.Allies, notes) : null;
        return setup with { Rivals = scenario.Rivals, Demands = scenario.Demands, Frictions = scenario.Frictions, Similarity = similarity };
    }

    /// <summary>(S + 1)/2 of each pair's alliance portfolios; 1 on the diagonal and where a country is outside the state system.</summary>
    private static double[] Similarity(int start, IReadOnlyList<AllySetup> allies, List<string> notes)
    {
        var (pledges, label) = AlliancePledges.Atop();
        var year = Math.Min(start, pledges.Coverage.Last);
        var portfolios = AlliancePortfolios.Build(ShippedDyadData.ReadSpells(), pledges, PortfolioCoding.Standard, null, year, year, label);
        var options = SimilarityOptions.For(PortfolioCoding.Standard);
        var codes = allies.Select(a => CountryDirectory.Shipped.FindIso3(a.Iso3)?.Code.Value is { } c && portfolios.InSystem(c, year) ? c : -1).ToArray();
        var n = allies.Count;
        var matrix = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                matrix[(i * n) + j] = i == j || codes[i] < 0 || codes[j] < 0
                    ? 1
                    : portfolios.Compare(codes[i], codes[j], year, options)?.S is { } s ? (s + 1) / 2 : 1;
            }
        }

        notes.Add($"reputation weights: portfolio similarity S of {label}, {year}{(year < start ? $" (its last year; start {start})" : "")}, as (S + 1)/2");
        return matrix;
    }
}
