using Linchpin.Data;
using Linchpin.Tests.TestSupport;
using Linchpin.World;

namespace Linchpin.Tests.World;

public class WorldReaderTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly WorldStore _store = fixture.Store;

    [Fact]
    public void No_data_and_no_alliance_are_different_answers()
    {
        var usa = CowCode.From(2);
        var korea = CowCode.From(732);
        var cuba = CowCode.From(40);
        Assert.Equal(
            Obligations.Defense | Obligations.NonAggression | Obligations.Consultation,
            WorldReader.Pledges(_store, usa, korea, 1990));
        Assert.Equal(Obligations.None, WorldReader.Pledges(_store, usa, cuba, 1990));
        Assert.Null(WorldReader.Pledges(_store, usa, korea, 2020));
    }

    [Fact]
    public void Atop_alliances_carry_each_members_own_pledges()
    {
        var alliances = WorldReader.AtopAlliances(_store);
        Assert.Equal(745, alliances.Count);
        var usRok = alliances.Single(a => a.Id == 3240);
        Assert.Equal(1953, usRok.SignedYear);
        Assert.Null(usRok.EndedYear);
        Assert.True(usRok.AnyPledge.HasFlag(Obligations.Defense));
        Assert.All(usRok.Members, m => Assert.True(m.Pledges.HasFlag(Obligations.Defense)));
        // Asymmetric treaties exist in ATOP's member-level data: some member pledges what another does not.
        Assert.Contains(alliances, a => a.IsAsymmetric);
    }

    [Fact]
    public void A_one_sided_pledge_is_representable()
    {
        var treaty = new Alliance(1, "example", "US-Japan 1960", 1960, null,
        [
            new AllianceMember(CowCode.From(2), 1960, null, Obligations.Defense | Obligations.Consultation),
            new AllianceMember(CowCode.From(740), 1960, null, Obligations.Consultation),
        ]);
        Assert.True(treaty.IsAsymmetric);
        Assert.False(treaty.Members[1].Pledges.HasFlag(Obligations.Defense));
    }

    [Fact]
    public void Country_years_keep_missing_values_null_and_tag_sources()
    {
        var years = WorldReader.CountryYears(_store, 2019, 2020);
        var us2019 = years.Single(y => y.Code.Value == 2 && y.Year == 2019);
        Assert.Equal("nmc 7.0", us2019.Cinc!.Source);
        Assert.Equal("fariss_gdppop 2024-04-16", us2019.Gdp!.Source);
        var us2020 = years.Single(y => y.Code.Value == 2 && y.Year == 2020);
        Assert.Null(us2020.Gdp); // Fariss et al. end in 2019: no data, not zero.
        Assert.NotNull(us2020.Cinc);
    }

    [Fact]
    public void The_SMA_ledger_has_the_published_amounts_and_gaps()
    {
        var agreements = WorldReader.KoreaSpecialMeasures(_store);
        Amount(agreements, 2019).Should(1038.9);
        Amount(agreements, 2020).Should(1038.9);
        Amount(agreements, 2021).Should(1183.3);
        Amount(agreements, 2026).Should(1519.2);
        var eleventh = agreements.Single(a => a.Number == 11);
        Assert.Equal((2020, 2025), (eleventh.FirstYear, eleventh.LastYear));
        Assert.Null(eleventh.Payments.Single(p => p.Year == 2023).Amount);
        var first = agreements.Single(a => a.Number == 1).Payments.Single(p => p.Year == 1992).Amount!.Value;
        Assert.Equal(("USD", 180.0), (first.Currency, first.Amount));
    }

    [Fact]
    public void Troop_numbers_are_parsed_and_flagged_approximate()
    {
        var deployments = WorldReader.UsDeployments(_store);
        var korea2024 = deployments.Single(d => d.Host.Value == 732 && d.Year == 2024);
        Assert.Equal(28500, korea2024.Troops);
        Assert.False(korea2024.Approximate);
        Assert.True(deployments.Single(d => d.Host.Value == 740 && d.Year == 2019).Approximate);
    }

    private static Money Amount(IReadOnlyList<CostSharingAgreement> agreements, int year) =>
        agreements.SelectMany(a => a.Payments).Single(p => p.Year == year).Amount!.Value;
}

internal static class MoneyAssertions
{
    public static void Should(this Money money, double krwBillion)
    {
        Assert.Equal("KRW", money.Currency);
        Assert.Equal(1e9, money.Unit);
        Assert.Equal(krwBillion, money.Amount, 9);
    }
}
