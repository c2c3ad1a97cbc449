using System.Globalization;

namespace Linchpin.World;

/// <summary>A Correlates of War state code (2 = United States, 732 = Republic of Korea), 2..999.</summary>
public readonly record struct CowCode
{
    private CowCode(int value) => Value = value;

    /// <summary>The numeric code.</summary>
    public int Value { get; }

    /// <summary>Makes a code, checking its range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not in 2..999.</exception>
    public static CowCode From(int value) =>
        value is >= 2 and <= 999 ? new CowCode(value) : throw new ArgumentOutOfRangeException(nameof(value), value, "COW codes run from 2 to 999");

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
