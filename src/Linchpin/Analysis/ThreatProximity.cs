using Linchpin.Games;

namespace Linchpin.Analysis;

/// <summary>A point on the Earth's surface, in decimal degrees (WGS 84).</summary>
/// <param name="Latitude">Latitude, −90 to 90.</param>
/// <param name="Longitude">Longitude, −180 to 180.</param>
public readonly record struct GeoPoint(double Latitude, double Longitude);

/// <summary>A rival state's capabilities and the location of its capital.</summary>
/// <param name="Code">The rival's COW code.</param>
/// <param name="Cinc">Its CINC score (share of world capabilities), ≥ 0.</param>
/// <param name="Capital">Its capital.</param>
public readonly record struct RivalCapability(int Code, double Cinc, GeoPoint Capital);

/// <summary>
/// Threat exposure by proximity: each rival's capabilities, discounted by the great-circle distance
/// between the capitals, summed over the rivals.
/// </summary>
/// <remarks>
/// <c>exposure(i) = Σ_r CINC_r · exp(−d(i, r) / d₀)</c>, with <c>d</c> the great-circle distance in km
/// between the capitals (haversine on a sphere of the IUGG mean Earth radius, 6,371.0088 km) and
/// <c>d₀</c> the distance over which a rival's weight falls by a factor e. The exponential decay is
/// in the spirit of Boulding's (1962, <i>Conflict and Defense</i>) loss-of-strength gradient; its form
/// and <c>d₀</c> are assumptions of this rule, not estimates.
/// </remarks>
public static class ThreatProximity
{
    /// <summary>The IUGG mean Earth radius R₁, km.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>The default decay distance <c>d₀</c>, km (an assumption: a rival 1,000 km away counts e⁻¹ ≈ 0.37 of its capabilities).</summary>
    public const double DefaultDecayKm = 1000;

    /// <summary>The great-circle distance between two points, km (haversine formula).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A latitude outside [−90, 90] or a longitude outside [−180, 180].</exception>
    public static double DistanceKm(GeoPoint a, GeoPoint b)
    {
        Check(a, nameof(a));
        Check(b, nameof(b));
        var (phi1, phi2) = (Radians(a.Latitude), Radians(b.Latitude));
        var dPhi = phi2 - phi1;
        var dLambda = Radians(b.Longitude - a.Longitude);
        var h = (Math.Sin(dPhi / 2) * Math.Sin(dPhi / 2)) + (Math.Cos(phi1) * Math.Cos(phi2) * Math.Sin(dLambda / 2) * Math.Sin(dLambda / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(Math.Min(1, h)));
    }

    /// <summary>A state's exposure to <paramref name="rivals"/> from its capital <paramref name="capital"/>.</summary>
    /// <param name="capital">The state's capital.</param>
    /// <param name="rivals">The rivals, each counted once.</param>
    /// <param name="decayKm">The decay distance <c>d₀</c>, km, &gt; 0.</param>
    public static double Exposure(GeoPoint capital, IEnumerable<RivalCapability> rivals, double decayKm = DefaultDecayKm)
    {
        ArgumentNullException.ThrowIfNull(rivals);
        Require.Positive(decayKm, nameof(decayKm));
        return rivals.Sum(r =>
        {
            Require.NonNegative(r.Cinc, nameof(r.Cinc));
            return r.Cinc * Math.Exp(-DistanceKm(capital, r.Capital) / decayKm);
        });
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    private static void Check(GeoPoint p, string name)
    {
        if (!(p.Latitude is >= -90 and <= 90) || !(p.Longitude is >= -180 and <= 180))
        {
            throw new ArgumentOutOfRangeException(name, p, "latitude must be in [-90, 90] and longitude in [-180, 180]");
        }
    }
}
