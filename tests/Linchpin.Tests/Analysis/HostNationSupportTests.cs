using Linchpin.Data;
using Linchpin.Tests.TestSupport;

namespace Linchpin.Tests.Analysis;

/// <summary>The SMA ledger against the agreed amounts (issue oracles) and the gap semantics.</summary>
public class HostNationSupportTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    [Fact]
    public void Korea_2020_is_frozen_at_the_2019_level_and_2021_rises_13_9_percent()
    {
        var ledger = HostNationReader.Ledger(fixture.Store, "KOR");
        var y2019 = ledger.Entries.Single(e => e.FirstYear == 2019);
        var y2020 = ledger.Entries.Single(e => e.FirstYear == 2020);
        var y2021 = ledger.Entries.Single(e => e.FirstYear == 2021);
        Assert.Equal(1038.9, y2019.Amount!.Value, 10);
        Assert.Equal(1038.9, y2020.Amount!.Value, 10);
        Assert.Equal(0, y2020.ChangePct!.Value, 10);
        Assert.Equal(1183.3, y2021.Amount!.Value, 10);
        Assert.Equal(13.9, y2021.ChangePct!.Value, 1);
        Assert.Equal("11th SMA", y2021.Agreement);
    }

    [Fact]
    public void Korea_2026_under_the_12th_SMA()
    {
        var y2026 = HostNationReader.Ledger(fixture.Store, "KOR").Entries.Single(e => e.FirstYear == 2026);
        Assert.Equal(1519.2, y2026.Amount!.Value, 10);
        Assert.Equal(8.3, y2026.ChangePct!.Value, 1);
        Assert.Equal("12th SMA", y2026.Agreement);
    }

    [Fact]
    public void Unknown_years_are_gaps_and_break_the_change_chain()
    {
        var entries = HostNationReader.Ledger(fixture.Store, "KOR").Entries;
        Assert.Null(entries.Single(e => e.FirstYear == 2023).Amount);
        Assert.Null(entries.Single(e => e.FirstYear == 2024).Amount);
        Assert.Null(entries.Single(e => e.FirstYear == 2025).ChangePct);
    }

    [Fact]
    public void Per_soldier_uses_the_printed_troop_figure()
    {
        var y2019 = HostNationReader.Ledger(fixture.Store, "KOR").Entries.Single(e => e.FirstYear == 2019);
        Assert.Equal(28500, y2019.Troops);
        Assert.True(y2019.TroopsApproximate);
        Assert.Equal(1038.9 * 1000 / 28500, y2019.AmountPerSoldier!.Value, 10);
    }

    [Fact]
    public void Korea_events_include_the_2019_demand_and_the_2020_furlough()
    {
        var events = HostNationReader.Ledger(fixture.Store, "KOR").Events;
        Assert.Contains(events, e => e.Date == "2019-11-19" && e.Event.Contains("US$5 bn", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Date.StartsWith("2020-04", StringComparison.Ordinal) && e.Event.Contains("furlough", StringComparison.Ordinal));
    }

    [Fact]
    public void Japan_ledger_has_annual_budgets_and_agreement_totals()
    {
        var ledger = HostNationReader.Ledger(fixture.Store, "JPN");
        Assert.Equal("JPY", ledger.Currency);
        var fy2020 = ledger.Entries.Single(e => e.Period == "FY2020");
        Assert.Equal(199.3, fy2020.Amount!.Value, 10);
        Assert.Equal(100 * ((199.3 / 197.4) - 1), fy2020.ChangePct!.Value, 10);
        var total = ledger.Entries.Single(e => e.Period == "FY2016-FY2020" && e.Kind == "agreement_total");
        Assert.Equal((2016, 2020), (total.FirstYear, total.LastYear));
        Assert.Null(total.ChangePct);
    }

    [Fact]
    public void Other_hosts_are_a_clear_error()
    {
        var error = Assert.Throws<LinchpinException>(() => HostNationReader.Ledger(fixture.Store, "DEU"));
        Assert.Contains("KOR and JPN", error.Message, StringComparison.Ordinal);
    }
}
