using Linchpin.Analysis;
using Linchpin.Data;
using Linchpin.Reports;
using Linchpin.Tests.TestSupport;

namespace Linchpin.Tests.Analysis;

/// <summary>The straight path to the Hague targets: closed forms, and NATO's 2024 figures.</summary>
public class HaguePathTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private static YearFigure Figure(int year, double pct) => new(year, pct, false, "test");

    [Fact]
    public void Needed_pace_is_the_gap_over_the_years_left_and_a_slower_recent_pace_is_off_the_path()
    {
        var path = HaguePaths.For([Figure(2021, 2.0), Figure(2022, 2.1), Figure(2024, 2.3)], 3.5)!;
        Assert.Equal(1.2 / 11, path.NeededPerYear, 12);
        Assert.Equal(2021, path.Baseline!.Year);
        Assert.Equal(0.1, path.RecentPerYear!.Value, 12);
        Assert.False(path.OnPath);
        Assert.Equal(2.3 + (6 * 1.2 / 11), path.PathValue(2030), 12);
        Assert.Equal(3.5, path.PathValue(2035), 12);
    }

    [Fact]
    public void A_faster_recent_pace_is_on_the_path_and_an_ally_at_the_target_needs_nothing()
    {
        Assert.True(HaguePaths.For([Figure(2023, 2.0), Figure(2024, 2.3)], 3.5)!.OnPath);
        var above = HaguePaths.For([Figure(2024, 4.12)], 3.5)!;
        Assert.Equal(0, above.NeededPerYear);
        Assert.Null(above.RecentPerYear);
        Assert.True(above.OnPath);
        Assert.Null(HaguePaths.For([Figure(2024, 2.3)], 3.5)!.OnPath);
    }

    [Fact]
    public void A_higher_target_needs_a_faster_pace() =>
        Assert.True(HaguePaths.For([Figure(2024, 2.3)], 5)!.NeededPerYear > HaguePaths.For([Figure(2024, 2.3)], 3.5)!.NeededPerYear);

    [Fact]
    public void Paths_from_2024_start_at_each_allys_figure_in_the_2024_06_edition()
    {
        var (_, paths) = BurdenResults.Hague(fixture.Store, new BurdenQuery(), 2024);
        var nato = AllianceSpendingReader.Nato(fixture.Store, 2024);
        Assert.Equal(nato.Members.Count(m => m.PctGdp is not null), paths.Count);
        var poland = paths.Single(p => p.Member.Iso3 == "POL");
        Assert.Equal(nato.Members.Single(m => m.Iso3 == "POL").PctGdp!.Value, poland.Core!.Latest.PctGdp, 10);
        Assert.True(poland.Core.OnPath);
        Assert.Equal(0, poland.Core.NeededPerYear);
        var spain = paths.Single(p => p.Member.Iso3 == "ESP");
        Assert.Equal((3.5 - spain.Member.PctGdp!.Value) / 11, spain.Core!.NeededPerYear, 10);
    }
}
