using System.Globalization;

namespace Linchpin.Data;

/// <summary>A defence spending figure as % of GDP with its basis, for series set side by side.</summary>
/// <param name="Iso3">ISO3 code.</param>
/// <param name="Country">Country name as the source gives it.</param>
/// <param name="Year">Calendar year the figure counts in.</param>
/// <param name="PctGdp">Defence spending, % of GDP, or <c>null</c> where the source has no figure (missing, never 0).</param>
/// <param name="Estimate">Whether the source marks it as an estimate or provisional.</param>
/// <param name="Basis"><see cref="PctGdpBasis.Nato"/> or <see cref="PctGdpBasis.NationalBudget"/>.</param>
/// <param name="Source">The NATO edition, or the national dataset with the budget concept and how the ratio was had (computed or published).</param>
public sealed record SpendingFigure(string Iso3, string Country, int Year, double? PctGdp, bool Estimate, PctGdpBasis Basis, string Source);

/// <summary>
/// Reads the US allies outside NATO's defence budgets as % of GDP (<see cref="StartYearSpending.NationalBudgetDataset"/>)
/// and sets them beside NATO's figures for the same years. Both are % of nominal GDP with spending
/// and GDP in the same currency and prices; the budget concepts differ (a government's defence
/// budget, NATO's definition of defence expenditure), and each figure names its own.
/// </summary>
public static class DefenceBudgetReader
{
    /// <summary>Every row of the national-budget dataset in [<paramref name="from"/>, <paramref name="to"/>], by country and year; a missing ratio stays <c>null</c>.</summary>
    public static IReadOnlyList<SpendingFigure> NationalBudgets(WorldStore store, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(store);
        var dataset = store.Dataset(store.Require(StartYearSpending.NationalBudgetDataset));
        var rows = store.Query(
            $"SELECT iso3, country, year, pct_gdp, estimate, fiscal_year, method, concept FROM {dataset.Name} WHERE year BETWEEN $from AND $to ORDER BY iso3, year",
            ("from", (object)from), ("to", (object)to)).Rows;
        return [.. rows.Select(r => new SpendingFigure((string)r[0]!, (string)r[1]!, Convert.ToInt32(r[2], CultureInfo.InvariantCulture),
            r[3] is null ? null : Convert.ToDouble(r[3], CultureInfo.InvariantCulture), r[4] is true, PctGdpBasis.NationalBudget,
            $"{dataset.Name} {dataset.Version}, {r[5]}{(r[6] is string method ? ", " + method : "")}: {r[7]}"))];
    }

    /// <summary>
    /// The national-budget series in [<paramref name="from"/>, <paramref name="to"/>] followed, for every
    /// year of the range NATO has figures for, by each NATO ally's figure from one edition: the one
    /// named, or else the one <see cref="AllianceSpendingReader.Nato"/> picks for the year (the fullest).
    /// Years without NATO figures (or without the named edition) have national rows only.
    /// </summary>
    public static IReadOnlyList<SpendingFigure> BesideNato(WorldStore store, int from, int to, string? edition = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var figures = NationalBudgets(store, from, to).ToList();
        for (var year = from; year <= to; year++)
        {
            Analysis.AllianceSpending nato;
            try
            {
                nato = AllianceSpendingReader.Nato(store, year, edition);
            }
            catch (LinchpinException ex) when (ex.Kind == ErrorKind.Data)
            {
                continue;
            }

            figures.AddRange(nato.Members.Select(m => new SpendingFigure(m.Iso3, m.Country, year, m.PctGdp, m.Estimate, PctGdpBasis.Nato,
                $"NATO edition {nato.Source}{(nato.Partial ? " (partial)" : "")}")));
        }

        return figures;
    }
}
