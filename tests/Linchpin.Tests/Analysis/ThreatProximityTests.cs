using System.Globalization;
using FsCheck.Xunit;
using Linchpin.Analysis;
using Linchpin.Data;
using Linchpin.Tests.TestSupport;

namespace Linchpin.Tests.Analysis;

/// <summary>Great-circle distances against closed forms and a known value; exposure falls with distance; the shipped NATO exposures.</summary>
public sealed class ThreatProximityTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private static readonly double R = ThreatProximity.EarthRadiusKm;

    [Fact]
    public void Distances_equal_the_closed_forms_on_the_sphere()
    {
        Assert.Equal(Math.PI * R / 2, ThreatProximity.DistanceKm(new(0, 0), new(90, 0)), 1e-9);
        Assert.Equal(Math.PI * R / 180, ThreatProximity.DistanceKm(new(0, 10), new(0, 11)), 1e-9);
        Assert.Equal(Math.PI * R, ThreatProximity.DistanceKm(new(0, 0), new(0, 180)), 1e-6);
        Assert.Equal(0, ThreatProximity.DistanceKm(new(52.25, 21), new(52.25, 21)), 1e-12);

        // Across the antimeridian: 179° E to 179° W on the equator is 2°, not 358°.
        Assert.Equal(Math.PI * R / 90, ThreatProximity.DistanceKm(new(0, 179), new(0, -179)), 1e-9);
    }

    [Fact]
    public void London_to_paris_between_the_shipped_capitals_is_about_344_km()
    {
        var capitals = AllianceSpendingReader.Capitals(fixture.Store);

        // 200 = United Kingdom, 220 = France (COW codes); the usual figure between the city centres is about 344 km.
        Assert.Equal(344.0, ThreatProximity.DistanceKm(capitals[200], capitals[220]), 5.0);
    }

    [Property(MaxTest = 300)]
    public bool Exposure_to_one_rival_falls_as_the_capital_moves_away(int seed)
    {
        var random = new Random(seed);
        GeoPoint Point() => new((random.NextDouble() * 170) - 85, (random.NextDouble() * 360) - 180);
        var rival = new RivalCapability(1, 0.01 + random.NextDouble(), Point());
        var (a, b) = (Point(), Point());
        var (da, db) = (ThreatProximity.DistanceKm(a, rival.Capital), ThreatProximity.DistanceKm(b, rival.Capital));
        var (ea, eb) = (ThreatProximity.Exposure(a, [rival]), ThreatProximity.Exposure(b, [rival]));
        return Math.Abs(da - db) < 1e-9 || (da < db) == (ea > eb);
    }

    [Property(MaxTest = 200)]
    public bool Exposure_is_the_sum_over_rivals_and_tends_to_their_capabilities_as_the_decay_distance_grows(int seed)
    {
        var random = new Random(seed);
        GeoPoint Point() => new((random.NextDouble() * 170) - 85, (random.NextDouble() * 360) - 180);
        var home = Point();
        var rivals = Enumerable.Range(0, 1 + random.Next(5)).Select(i => new RivalCapability(i, random.NextDouble() * 0.2, Point())).ToList();
        var whole = ThreatProximity.Exposure(home, rivals);
        var parts = rivals.Sum(r => ThreatProximity.Exposure(home, [r]));
        var far = ThreatProximity.Exposure(home, rivals, 1e9);
        return Math.Abs(whole - parts) < 1e-12 && Math.Abs(far - rivals.Sum(r => r.Cinc)) < 1e-4 && whole <= rivals.Sum(r => r.Cinc) + 1e-15;
    }

    [Fact]
    public void Poland_and_lithuania_are_more_exposed_than_portugal_in_nato_2019()
    {
        var spending = AllianceSpendingReader.Nato(fixture.Store, 2019, "2019-06");
        var (exposure, notes) = AllianceSpendingReader.ThreatExposure(fixture.Store, spending);

        Assert.True(exposure["POL"] > exposure["PRT"], string.Create(CultureInfo.InvariantCulture, $"POL {exposure["POL"]} vs PRT {exposure["PRT"]}"));
        Assert.True(exposure["LTU"] > exposure["PRT"], string.Create(CultureInfo.InvariantCulture, $"LTU {exposure["LTU"]} vs PRT {exposure["PRT"]}"));
        Assert.True(exposure["LTU"] > exposure["POL"], "Vilnius is nearer Moscow than Warsaw is");
        Assert.Contains(notes, n => n.Contains("RUS", StringComparison.Ordinal) && n.Contains("assumption", StringComparison.Ordinal));

        // Every NATO member now has exposure through the alliance's rivals, not only members with a rivalry of their own.
        Assert.All(spending.Members, m => Assert.True(exposure[m.Iso3] > 0, m.Iso3));
    }

    [Fact]
    public void The_capitals_cover_every_state_of_2016_once_and_a_missing_one_stays_missing()
    {
        var capitals = AllianceSpendingReader.Capitals(fixture.Store);
        var states = File.ReadLines(Path.Combine(TestPaths.DataFolder, "states2016.csv")).Skip(1).Select(l => l.Split(','))
            .Where(c => c[6] == "2016").Select(c => int.Parse(c[1], CultureInfo.InvariantCulture)).ToHashSet();

        Assert.Equal(195, states.Count);
        Assert.Equal(states.Order().Where(c => c != 970), capitals.Keys.Order());
        Assert.DoesNotContain(970, capitals.Keys);

        // Transcription spot checks against the Natural Earth point geometries.
        Assert.Equal(new GeoPoint(52.251946, 20.998054), capitals[290]);
        Assert.Equal(new GeoPoint(54.683366, 25.316635), capitals[368]);
        Assert.Equal(new GeoPoint(38.724669, -9.146812), capitals[235]);
        Assert.Equal(new GeoPoint(55.75411, 37.613577), capitals[365]);
    }

    [Fact]
    public void Out_of_range_coordinates_and_a_zero_decay_distance_are_refused_by_name()
    {
        Assert.Equal("a", Assert.Throws<ArgumentOutOfRangeException>(() => ThreatProximity.DistanceKm(new(91, 0), new(0, 0))).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentOutOfRangeException>(() => ThreatProximity.DistanceKm(new(0, 0), new(0, 181))).ParamName);
        Assert.Equal("decayKm", Assert.Throws<ArgumentOutOfRangeException>(() => ThreatProximity.Exposure(new(0, 0), [], 0)).ParamName);
    }
}
