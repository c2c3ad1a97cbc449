namespace Linchpin.Alignment;

/// <summary>
/// How a state's alliance obligations toward another state become one ordinal value of its
/// alliance portfolio. The standard coding (Bueno de Mesquita 1975; Signorino and Ritter 1999):
/// defence pact 3, neutrality or non-aggression pact 2, entente (consultation) 1, no alliance 0,
/// and each state 3 with itself. A pair with several obligations takes the highest value.
/// </summary>
/// <remarks>
/// ATOP's offence pledge is folded into the defence value by default. Every value must lie in
/// 0–15; the range of the coding, d_max = max − min over all its values, is the default distance
/// scale of the S measure.
/// </remarks>
/// <param name="Defense">Value of a defence pledge (standard 3).</param>
/// <param name="Offense">Value of an offence pledge (ATOP only; standard 3, as defence).</param>
/// <param name="Neutrality">Value of a neutrality pledge (standard 2).</param>
/// <param name="NonAggression">Value of a non-aggression pledge (standard 2).</param>
/// <param name="Consultation">Value of a consultation (entente) pledge (standard 1).</param>
/// <param name="None">Value of no alliance (standard 0).</param>
/// <param name="Self">Value of a state toward itself (standard 3, the top value).</param>
public sealed record PortfolioCoding(int Defense, int Offense, int Neutrality, int NonAggression, int Consultation, int None, int Self)
{
    /// <summary>The largest value a coding may use.</summary>
    public const int MaxValue = 15;

    /// <summary>The standard ordinal coding: defence 3, neutrality / non-aggression 2, entente 1, none 0, self 3.</summary>
    public static PortfolioCoding Standard { get; } = new(3, 3, 2, 2, 1, 0, 3);

    /// <summary>The binary coding Häge (2011) recommends: any alliance 1, none 0, self 1.</summary>
    public static PortfolioCoding Binary { get; } = new(1, 1, 1, 1, 1, 0, 1);

    /// <summary>The number of levels, 0 to the largest value (the κ and π tables use them all, observed or not).</summary>
    public int Levels => Max() + 1;

    /// <summary>d_max: the largest value minus the smallest.</summary>
    public int Range => Max() - Min();

    /// <summary>Checks that every value lies in 0–<see cref="MaxValue"/> and the coding is not constant.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    /// <exception cref="ArgumentException">Every value is the same, so no two portfolios can differ.</exception>
    public PortfolioCoding Validated()
    {
        foreach (var (name, value) in Values())
        {
            if (value is < 0 or > MaxValue)
            {
                throw new ArgumentOutOfRangeException(name, value, $"a coding value must lie in 0-{MaxValue}");
            }
        }

        return Range > 0 ? this : throw new ArgumentException("the coding gives every pair the same value");
    }

    /// <summary>The value of a set of ATOP pledges, each 0 or 1 (COW has no offence pledge: pass 0).</summary>
    public int Code(int defense, int offense, int neutral, int nonAggression, int consultation)
    {
        var value = None;
        if (defense != 0)
        {
            value = Math.Max(value, Defense);
        }

        if (offense != 0)
        {
            value = Math.Max(value, Offense);
        }

        if (neutral != 0)
        {
            value = Math.Max(value, Neutrality);
        }

        if (nonAggression != 0)
        {
            value = Math.Max(value, NonAggression);
        }

        if (consultation != 0)
        {
            value = Math.Max(value, Consultation);
        }

        return value;
    }

    /// <summary>A one-line description of the mapping, for output files and reports.</summary>
    public string Describe() =>
        $"defense={Defense} offense={Offense} neutrality={Neutrality} nonaggression={NonAggression} consultation={Consultation} none={None} self={Self}";

    /// <summary>Parses <c>defense=3,neutrality=2,...</c> over <see cref="Standard"/>; the names are those of <see cref="Describe"/>.</summary>
    /// <exception cref="ArgumentException">An unknown name or a value that is not a whole number.</exception>
    public static PortfolioCoding Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var coding = Standard;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0 || !int.TryParse(part[(eq + 1)..], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                throw new ArgumentException($"'{part}' is not name=value");
            }

            coding = part[..eq].Trim().ToLowerInvariant() switch
            {
                "defense" or "defence" => coding with { Defense = value },
                "offense" or "offence" => coding with { Offense = value },
                "neutrality" => coding with { Neutrality = value },
                "nonaggression" => coding with { NonAggression = value },
                "consultation" or "entente" => coding with { Consultation = value },
                "none" => coding with { None = value },
                "self" => coding with { Self = value },
                var name => throw new ArgumentException($"unknown coding name '{name}' (use defense, offense, neutrality, nonaggression, consultation, none, self)"),
            };
        }

        return coding.Validated();
    }

    private int Max() => Values().Max(v => v.Value);

    private int Min() => Values().Min(v => v.Value);

    private IEnumerable<(string Name, int Value)> Values() =>
    [
        (nameof(Defense), Defense), (nameof(Offense), Offense), (nameof(Neutrality), Neutrality), (nameof(NonAggression), NonAggression),
        (nameof(Consultation), Consultation), (nameof(None), None), (nameof(Self), Self),
    ];
}
