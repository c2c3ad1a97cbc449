using System.Globalization;
using Linchpin.Data;
using Linchpin.Tests.TestSupport;

namespace Linchpin.Tests.Data;

/// <summary>The shipped national-budget figures of the US allies outside NATO, and the reader that sets them beside NATO's.</summary>
public class DefenceBudgetReaderTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private IReadOnlyList<IReadOnlyList<object?>> Rows(string columns, string where = "TRUE") =>
        fixture.Store.Query($"SELECT {columns} FROM {fixture.Store.Require(StartYearSpending.NationalBudgetDataset)} WHERE {where} ORDER BY iso3, year").Rows;

    [Fact]
    public void A_computed_ratio_is_the_budget_over_the_GDP_to_two_decimals()
    {
        var rows = Rows("iso3, year, pct_gdp, budget_lcu_bn, gdp_lcu_bn", "method = 'computed'");
        Assert.True(rows.Count >= 9);
        foreach (var r in rows)
        {
            var expected = Math.Round(100 * Convert.ToDecimal(r[3], CultureInfo.InvariantCulture) / Convert.ToDecimal(r[4], CultureInfo.InvariantCulture), 2, MidpointRounding.AwayFromZero);
            Assert.True((decimal)Convert.ToDouble(r[2], CultureInfo.InvariantCulture) == expected, $"{r[0]} {r[1]}: {r[2]} against {expected}");
        }
    }

    [Fact]
    public void Every_row_names_its_source_and_a_ratio_without_GDP_is_missing_not_zero()
    {
        foreach (var r in Rows("iso3, year, pct_gdp, method, gdp_lcu_bn, source, concept, currency"))
        {
            Assert.False(string.IsNullOrWhiteSpace(r[5] as string), $"{r[0]} {r[1]}: no source");
            Assert.False(string.IsNullOrWhiteSpace(r[6] as string), $"{r[0]} {r[1]}: no concept");
            Assert.Contains((string)r[7]!, new[] { "KRW", "JPY", "PHP", "AUD" });
            Assert.NotEqual(0.0, r[2] is null ? -1 : Convert.ToDouble(r[2], CultureInfo.InvariantCulture));
            Assert.Equal(r[2] is null, r[3] is null);
            Assert.Equal((string?)r[3] == "computed", r[4] is not null);
        }

        // Japan's FY2025 budget is known, its GDP was not found: no ratio.
        var japan2025 = Rows("pct_gdp, budget_lcu_bn", "iso3 = 'JPN' AND year = 2025").Single();
        Assert.Null(japan2025[0]);
        Assert.Equal(8700.5, Convert.ToDouble(japan2025[1], CultureInfo.InvariantCulture), 10);
    }

    [Theory]
    [InlineData("KOR", 2019, 2.43)]
    [InlineData("KOR", 2010, 2.24)]
    [InlineData("JPN", 2019, 0.94)]
    [InlineData("JPN", 2024, 1.30)]
    [InlineData("PHL", 2018, 0.86)]
    [InlineData("PHL", 2024, 0.88)]
    [InlineData("AUS", 2019, 1.93)]
    public void The_figures_are_the_published_or_computed_ones(string iso3, int year, double expected)
    {
        var figure = StartYearSpending.NationalBudget(fixture.Store, iso3, year);
        Assert.NotNull(figure);
        Assert.Equal(expected, figure.PctGdp, 10);
        Assert.Equal(PctGdpBasis.NationalBudget, figure.Basis);
    }

    [Fact]
    public void Korea_2019_is_the_ministry_s_budget_at_about_two_and_a_half_percent_and_the_Philippines_about_one()
    {
        var korea = Rows("budget_lcu_bn, pct_gdp, method", "iso3 = 'KOR' AND year = 2019").Single();
        Assert.Equal(46697.1, Convert.ToDouble(korea[0], CultureInfo.InvariantCulture), 10); // KRW 46.7 trillion, the 2019 original budget
        Assert.InRange(Convert.ToDouble(korea[1], CultureInfo.InvariantCulture), 2.3, 2.8);
        Assert.Equal("published", korea[2]);
        foreach (var year in new[] { 2012, 2018, 2024 })
        {
            Assert.InRange(StartYearSpending.NationalBudget(fixture.Store, "PHL", year)!.PctGdp, 0.8, 1.4);
        }
    }

    [Fact]
    public void Asian_allies_stand_beside_NATO_s_figures_for_the_same_years()
    {
        var figures = DefenceBudgetReader.BesideNato(fixture.Store, 2019, 2020);
        var korea = figures.Single(f => f.Iso3 == "KOR" && f.Year == 2019);
        Assert.Equal(PctGdpBasis.NationalBudget, korea.Basis);
        Assert.Equal(2.43, korea.PctGdp!.Value, 10);
        var us2019 = figures.Single(f => f.Iso3 == "USA" && f.Year == 2019);
        Assert.Equal(PctGdpBasis.Nato, us2019.Basis);
        Assert.Equal(AllianceSpendingReader.Nato(fixture.Store, 2019).Members.Single(m => m.Iso3 == "USA").PctGdp!.Value, us2019.PctGdp!.Value, 10);
        Assert.StartsWith("NATO edition 2019-06", us2019.Source, StringComparison.Ordinal);
        // The shipped NATO editions have no 2020 figures: that year has the national series only.
        Assert.DoesNotContain(figures, f => f.Year == 2020 && f.Basis == PctGdpBasis.Nato);
        Assert.Equal(2.58, figures.Single(f => f.Iso3 == "KOR" && f.Year == 2020).PctGdp!.Value, 10);
        Assert.All(figures, f => Assert.InRange(f.Year, 2019, 2020));
    }

    [Fact]
    public void Years_without_NATO_figures_have_the_national_series_only()
    {
        var figures = DefenceBudgetReader.BesideNato(fixture.Store, 2010, 2011);
        Assert.NotEmpty(figures);
        Assert.All(figures, f => Assert.Equal(PctGdpBasis.NationalBudget, f.Basis));
        Assert.Equal(["KOR"], figures.Select(f => f.Iso3).Distinct());
    }
}
