using System.Globalization;
using Linchpin.Analysis;
using Linchpin.Scenarios;
using Linchpin.World;

namespace Linchpin.Data;

/// <summary>The basis of a defence spending figure as % of GDP: where it comes from, and so how spending and GDP are priced.</summary>
public enum PctGdpBasis
{
    /// <summary>The scenario's own figure (<c>pct_gdp</c>).</summary>
    Scenario,

    /// <summary>NATO's published figure for the year (NATO allies and the patron).</summary>
    Nato,

    /// <summary>The government's defence budget over nominal GDP, both in current national currency (<c>defence_budget_pct_gdp</c>).</summary>
    NationalBudget,

    /// <summary>NMC military expenditure (current US$) over Maddison GDP (2011 int$, PPP): a mixed price basis, used only with <c>allow_mixed_basis: true</c>.</summary>
    Mixed,
}

/// <summary>An actor's start-year defence spending and its basis.</summary>
/// <param name="Iso3">ISO3 code.</param>
/// <param name="Year">The year of the figure (for <see cref="PctGdpBasis.Mixed"/>, the latest NMC year at or before the start).</param>
/// <param name="PctGdp">Defence spending, % of GDP.</param>
/// <param name="Basis">Where it comes from.</param>
/// <param name="Source">The dataset or edition behind it (for national budgets: the dataset, the fiscal year and whether the ratio was computed or published), for notes and manifests.</param>
public sealed record StartSpending(string Iso3, int Year, double PctGdp, PctGdpBasis Basis, string Source);

/// <summary>
/// The start-year spending of a scenario's actors on one price basis: % of GDP with spending and GDP
/// in the same currency and prices. NATO's figures for NATO allies and the patron; for the other
/// allies the governments' defence budgets over GDP (<see cref="NationalBudgetDataset"/>); a scenario's
/// <c>pct_gdp</c> wins. Anything else is an error naming the scenario's line, unless the scenario says
/// <c>allow_mixed_basis: true</c>: then NMC current-US$ spending over Maddison PPP GDP is used, with a
/// warning naming that basis. docs/models/simulation.md, "Start-year spending".
/// </summary>
public static class StartYearSpending
{
    /// <summary>The shipped dataset of non-NATO allies' defence budgets as % of GDP.</summary>
    public const string NationalBudgetDataset = "defence_budget_pct_gdp";

    /// <summary>The basis as notes, manifests and outputs name it: <c>scenario</c>, <c>nato</c>, <c>national-budget</c>, <c>mixed</c>.</summary>
    public static string Name(PctGdpBasis basis) => basis switch
    {
        PctGdpBasis.Scenario => "scenario",
        PctGdpBasis.Nato => "nato",
        PctGdpBasis.NationalBudget => "national-budget",
        _ => "mixed",
    };

    /// <summary>
    /// The start-year figure of <paramref name="iso3"/> (the patron or an ally of <paramref name="scenario"/>).
    /// </summary>
    /// <param name="store">The world store.</param>
    /// <param name="scenario">The scenario (its start year, its <c>allow_mixed_basis</c>, and its lines for messages).</param>
    /// <param name="iso3">The actor.</param>
    /// <param name="over">The scenario's own <c>pct_gdp</c>, or <c>null</c>.</param>
    /// <param name="nato">NATO's figures for the start year, or <c>null</c> where the data have none.</param>
    /// <param name="maddisonGdp">The actor's Maddison GDP (2011 int$ million), asked for only on the mixed basis.</param>
    /// <exception cref="LinchpinException">No figure on the scenario's basis and no <c>allow_mixed_basis</c>, or no figure at all; the message names the scenario's file, line and field.</exception>
    public static StartSpending Find(WorldStore store, Scenario scenario, string iso3, double? over, AllianceSpending? nato, Func<double> maddisonGdp)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(maddisonGdp);
        var start = scenario.StartYear;
        if (over is { } value)
        {
            return new StartSpending(iso3, start, value, PctGdpBasis.Scenario, "the scenario's pct_gdp");
        }

        if (nato?.Members.FirstOrDefault(m => m.Iso3 == iso3)?.PctGdp is { } pct)
        {
            return new StartSpending(iso3, start, pct, PctGdpBasis.Nato, $"NATO edition {nato.Source}, {start}");
        }

        if (NationalBudget(store, iso3, start) is { } budget)
        {
            return budget;
        }

        var key = iso3 == scenario.Patron.Iso3 ? "patron" : iso3;
        if (!scenario.AllowMixedBasis)
        {
            throw scenario.ErrorAt(key, "pct_gdp",
                $"'{iso3}' has no {start} defence spending on the scenario's basis (NATO's figures for NATO allies, the government's defence budget over GDP "
                + $"in {NationalBudgetDataset} for the others); give 'pct_gdp', or set 'allow_mixed_basis: true' to use NMC current-US$ spending over Maddison PPP GDP");
        }

        var (milex, year) = NmcSpending(store, iso3, start)
            ?? throw scenario.ErrorAt(key, "iso3", $"'{iso3}' has no NMC military expenditure up to {start}; give 'pct_gdp'");
        var nmc = store.Dataset(store.Require("nmc"));
        return new StartSpending(iso3, year, 100 * milex / maddisonGdp(), PctGdpBasis.Mixed,
            $"NMC {nmc.Version} military expenditure ({year}, current US$) over Maddison 2023 GDP (2011 int$, PPP)");
    }

    /// <summary>
    /// Notes on a scenario's start-year figures: one line per basis and source naming every actor and
    /// its figure, and a warning for each figure on the mixed basis.
    /// </summary>
    public static IReadOnlyList<string> Notes(IEnumerable<StartSpending> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var list = figures.ToList();
        var notes = list.GroupBy(f => (f.Basis, f.Source))
            .Select(g => $"start-year % of GDP, basis {Name(g.Key.Basis)} ({g.Key.Source}): {string.Join(", ", g.Select(f => $"{f.Iso3} {Format(f.PctGdp)}"))}")
            .ToList();
        notes.AddRange(list.Where(f => f.Basis == PctGdpBasis.Mixed).Select(f =>
            $"warning: {f.Iso3} starts at {Format(f.PctGdp)} % of GDP on a mixed price basis ({f.Source}), allowed by allow_mixed_basis: compare it with the other figures with care"));
        return notes;
    }

    /// <summary>
    /// The national-budget figure of <paramref name="iso3"/> for <paramref name="year"/> (the shipped
    /// <see cref="NationalBudgetDataset"/>), or <c>null</c> where it has none (a missing ratio is no figure).
    /// </summary>
    public static StartSpending? NationalBudget(WorldStore store, string iso3, int year)
    {
        ArgumentNullException.ThrowIfNull(store);
        var dataset = store.Dataset(store.Require(NationalBudgetDataset));
        var rows = store.Query(
            $"SELECT pct_gdp, fiscal_year, method FROM {NationalBudgetDataset} WHERE iso3 = $iso3 AND year = $y AND pct_gdp IS NOT NULL",
            ("iso3", (object)iso3), ("y", (object)year)).Rows;
        return rows.Count == 0 ? null : new StartSpending(iso3, year, Convert.ToDouble(rows[0][0], CultureInfo.InvariantCulture),
            PctGdpBasis.NationalBudget, $"{dataset.Name} {dataset.Version}, {rows[0][1]}, {rows[0][2]}");
    }

    /// <summary>NMC military expenditure (US$ million) for the latest year at or before <paramref name="year"/>.</summary>
    private static (double Milex, int Year)? NmcSpending(WorldStore store, string iso3, int year)
    {
        if (CountryDirectory.Shipped.FindIso3(iso3)?.Code is not { } code)
        {
            return null;
        }

        store.Require("nmc");
        var rows = store.Query("SELECT milex, year FROM nmc WHERE ccode = $c AND year <= $y AND milex IS NOT NULL AND milex > 0 ORDER BY year DESC LIMIT 1",
            ("c", (object)code.Value), ("y", (object)year)).Rows;
        return rows.Count == 0 ? null : (Convert.ToDouble(rows[0][0], CultureInfo.InvariantCulture) / 1000, Convert.ToInt32(rows[0][1], CultureInfo.InvariantCulture));
    }

    private static string Format(double pct) => pct.ToString("0.##", CultureInfo.InvariantCulture);
}
