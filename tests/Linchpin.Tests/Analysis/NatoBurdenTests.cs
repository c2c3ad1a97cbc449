using Linchpin.Analysis;
using Linchpin.Data;
using Linchpin.Tests.TestSupport;

namespace Linchpin.Tests.Analysis;

/// <summary>NATO burden indicators against NATO's own counts and the values computed from its 2019 release (shared/models/10).</summary>
public class NatoBurdenTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private AllianceBurden Burden(int year, string? edition = null) =>
        BurdenIndicators.Compute(AllianceSpendingReader.Nato(fixture.Store, year, edition));

    private static TargetCount Count(AllianceBurden burden, BurdenTarget target) => burden.Counts.Single(c => c.Target == target);

    [Theory]
    [InlineData(2014, "2023-07", 3, 30)]
    [InlineData(2014, "2024-06", 3, 31)]
    [InlineData(2023, "2023-07", 11, 30)]
    [InlineData(2023, "2024-03", 11, 30)]
    [InlineData(2024, "2024-06", 23, 31)]
    [InlineData(2014, "2019-06", 3, 28)]
    [InlineData(2019, "2019-06", 7, 28)]
    public void Allies_at_or_above_two_percent_match_NATO(int year, string edition, int meeting, int withData)
    {
        var count = Count(Burden(year, edition), BurdenTarget.Wales2);
        Assert.Equal(meeting, count.Meeting);
        Assert.Equal(withData, count.WithData);
    }

    [Theory]
    [InlineData(2014, "2024-06")]
    [InlineData(2016, "2019-06")]
    [InlineData(2023, "2024-03")]
    [InlineData(2024, "2024-06")]
    public void Default_edition_is_the_newest_with_every_allys_figure(int year, string expected)
    {
        var spending = AllianceSpendingReader.Nato(fixture.Store, year);
        Assert.Equal(expected, spending.Source);
        Assert.False(spending.Partial);
    }

    [Theory]
    [InlineData(2016, false, "2019-06", 4, 27)]
    [InlineData(2016, true, "2017-02", 5, 27)]
    [InlineData(2022, true, "2023-03", 7, 29)]
    [InlineData(2023, true, "2024-03", 11, 30)]
    public void As_published_gives_the_count_of_the_first_edition_after_the_year_and_revised_figures_may_differ(
        int year, bool asPublished, string edition, int meeting, int allies)
    {
        var spending = AllianceSpendingReader.Nato(fixture.Store, year, asPublished: asPublished);
        Assert.Equal(edition, spending.Source);
        Assert.Equal(allies, spending.Allies);
        Assert.Equal(meeting, Count(BurdenIndicators.Compute(spending), BurdenTarget.Wales2).Meeting);
    }

    [Fact]
    public void A_year_without_a_complete_edition_is_marked_partial_and_its_notes_say_of_how_many()
    {
        var spending = AllianceSpendingReader.Nato(fixture.Store, 2022);
        Assert.True(spending.Partial);
        Assert.Contains(spending.Notes, n => n.Contains("figures for 9 of the 29 allies with armed forces", StringComparison.Ordinal));
        Assert.Contains(spending.Notes, n => n.Contains("NATO's estimates", StringComparison.Ordinal));
    }

    [Fact]
    public void As_published_refuses_a_year_no_later_edition_covers()
    {
        var error = Assert.Throws<LinchpinException>(() => AllianceSpendingReader.Nato(fixture.Store, 2019, asPublished: true));
        Assert.Equal(ErrorKind.Data, error.Kind);
    }

    [Fact]
    public void Counts_use_the_printed_value_so_Denmark_2023_at_two_percent_meets_it()
    {
        var burden = Burden(2023, "2024-03");
        var denmark = burden.Members.Single(m => m.Member.Iso3 == "DNK");
        Assert.Equal(2.00, denmark.Member.PctGdp!.Value, 10);
        Assert.True(denmark.Gaps.Single(g => g.Target == BurdenTarget.Wales2).Meets);
    }

    [Theory]
    [InlineData(2014, 3, 7, 2, 2.5869, 1.4314, 0.7251, 104.417)]
    [InlineData(2019, 7, 16, 5, 2.5093, 1.5565, 0.6961, 89.821)]
    public void Release_of_2019_reproduces_the_computed_aggregates(
        int year, int twoPercent, int equipment, int both, double nato, double europeCanada, double usShare, double shortfallBillions)
    {
        var burden = Burden(year, "2019-06");
        Assert.Equal(twoPercent, Count(burden, BurdenTarget.Wales2).Meeting);
        Assert.Equal(equipment, Count(burden, BurdenTarget.Equipment20).Meeting);
        var meetsBoth = burden.Members.Count(m => m.Gaps.Single(g => g.Target == BurdenTarget.Wales2).Meets == true
            && m.Gaps.Single(g => g.Target == BurdenTarget.Equipment20).Meets == true);
        Assert.Equal(both, meetsBoth);
        Assert.Equal(nato, burden.AggregateBurden!.Value, 4);
        Assert.Equal(europeCanada, burden.AggregateBurdenWithoutPatron!.Value, 4);
        Assert.Equal(usShare, burden.PatronSpendingShare!.Value, 4);
        Assert.Equal(shortfallBillions, Count(burden, BurdenTarget.Wales2).Shortfall!.Value / 1000, 3);
    }

    [Theory]
    [InlineData("USA", 3.4248, 27.51)]
    [InlineData("GBR", 2.1268, 24.11)]
    [InlineData("POL", 2.0130, 23.87)]
    [InlineData("FRA", 1.8386, 24.44)]
    [InlineData("DEU", 1.3596, 16.40)]
    public void Spot_values_for_2019(string iso3, double burden, double equipment)
    {
        var member = Burden(2019, "2019-06").Members.Single(m => m.Member.Iso3 == iso3).Member;
        Assert.Equal(burden, member.PctGdp!.Value, 4);
        Assert.Equal(equipment, member.EquipmentPct!.Value, 2);
    }

    [Fact]
    public void United_States_fair_share_ratio_2019()
    {
        var us = Burden(2019, "2019-06").Members.Single(m => m.Member.Iso3 == "USA");
        Assert.Equal(1.3648, us.BurdenAbilityRatio!.Value, 4);
    }

    [Fact]
    public void Iceland_is_missing_not_zero_and_left_out_of_counts()
    {
        var burden = Burden(2019, "2019-06");
        var iceland = burden.Members.Single(m => m.Member.Iso3 == "ISL");
        Assert.Null(iceland.Member.PctGdp);
        Assert.Null(iceland.SpendingShare);
        Assert.All(iceland.Gaps, g => Assert.Null(g.Meets));
        Assert.Contains(burden.Spending.Notes, n => n.Contains("Iceland", StringComparison.Ordinal));
    }

    [Fact]
    public void Full_release_agrees_with_its_printed_figures()
    {
        // The 2019-06 release is held in full (nato_2012_2019) and in part as printed (nato_pct_gdp): they must agree to two decimals.
        fixture.Store.Require("nato_pct_gdp");
        fixture.Store.Require("nato_2012_2019");
        var printed = fixture.Store.Query(
            "SELECT iso3, year, pct_gdp FROM nato_pct_gdp WHERE edition LIKE '2019-06%' AND iso3 IS NOT NULL").Rows;
        Assert.NotEmpty(printed);
        foreach (var row in printed)
        {
            var year = Convert.ToInt32(row[1], System.Globalization.CultureInfo.InvariantCulture);
            var full = AllianceSpendingReader.Nato(fixture.Store, year, "2019-06").Members.Single(m => m.Iso3 == (string)row[0]!);
            Assert.Equal((double)row[2]!, Math.Round(full.PctGdp!.Value, 2), 10);
        }
    }

    [Fact]
    public void Unknown_edition_and_uncovered_year_are_clear_errors()
    {
        var unknown = Assert.Throws<LinchpinException>(() => AllianceSpendingReader.Nato(fixture.Store, 2024, "1999-01"));
        Assert.Contains("unknown NATO edition '1999-01'", unknown.Message, StringComparison.Ordinal);
        var uncovered = Assert.Throws<LinchpinException>(() => AllianceSpendingReader.Nato(fixture.Store, 1990));
        Assert.Equal(ErrorKind.Data, uncovered.Kind);
        Assert.Contains("1990", uncovered.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Money_gaps_are_missing_when_no_GDP_level_exists()
    {
        var burden = Burden(2025, "2025-08");
        Assert.All(burden.Members, m => Assert.Null(m.Gaps.Single(g => g.Target == BurdenTarget.Wales2).GapMoney));
        Assert.Null(burden.AggregateBurden);
    }
}
