namespace Linchpin.World;

/// <summary>A sum of money with its currency and price basis, so amounts in different bases are never mixed silently.</summary>
/// <param name="Amount">The amount, in <paramref name="Unit"/>.</param>
/// <param name="Currency">ISO 4217 currency code, e.g. <c>KRW</c>, <c>USD</c>, <c>JPY</c>.</param>
/// <param name="Unit">Scale: 1e6 for millions, 1e9 for billions.</param>
/// <param name="PriceBasis">Price basis, e.g. <c>current</c> or <c>constant 2015</c>.</param>
public readonly record struct Money(double Amount, string Currency, double Unit, string PriceBasis)
{
    /// <summary>Makes an amount, refusing negative or non-finite values.</summary>
    public static Money Of(double amount, string currency, double unit, string priceBasis) =>
        double.IsFinite(amount) && amount >= 0
            ? new Money(amount, currency, unit, priceBasis)
            : throw new ArgumentOutOfRangeException(nameof(amount), amount, "an amount of money must be finite and not negative");
}

/// <summary>Troops of a patron stationed in a host in a year.</summary>
/// <param name="Patron">The sending state.</param>
/// <param name="Host">The host state.</param>
/// <param name="Year">Year.</param>
/// <param name="Troops">Number of troops.</param>
/// <param name="Approximate">Whether the source gives a round or approximate figure ("about 28,500").</param>
/// <param name="Source">Where the figure comes from.</param>
public sealed record TroopDeployment(CowCode Patron, CowCode Host, int Year, int Troops, bool Approximate, string Source);

/// <summary>The host's contribution in one year of a cost-sharing agreement.</summary>
/// <param name="Year">Year (or fiscal year).</param>
/// <param name="Amount">The amount; <c>null</c> where the source gives none.</param>
/// <param name="Note">Remarks from the source.</param>
public sealed record CostSharingPayment(int Year, Money? Amount, string? Note);

/// <summary>A host-nation cost-sharing agreement (e.g. the US–ROK Special Measures Agreements).</summary>
/// <param name="Host">Host state.</param>
/// <param name="Patron">Patron whose forces are stationed.</param>
/// <param name="Number">Agreement number (the 11th SMA is 11).</param>
/// <param name="FirstYear">First year covered.</param>
/// <param name="LastYear">Last year covered.</param>
/// <param name="Payments">Annual contributions; a year with no known amount has a <c>null</c> amount.</param>
public sealed record CostSharingAgreement(CowCode Host, CowCode Patron, int Number, int FirstYear, int LastYear, IReadOnlyList<CostSharingPayment> Payments);
