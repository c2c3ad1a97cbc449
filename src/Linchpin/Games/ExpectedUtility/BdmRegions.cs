namespace Linchpin.Games.ExpectedUtility;

/// <summary>
/// The regions of Bueno de Mesquita's expected-utility theory of war: each state's home region, the
/// other regions a state is "involved" in (<i>The War Trap</i>, 1981, pp. 95–98, as EUGene encodes
/// them), and the relevant region of a dyad.
/// </summary>
/// <remarks>
/// <para>Home regions by COW code: Americas 2–199, Europe 200–399, Africa 400–599, Middle East
/// 600–699, Asia (with Oceania) 700–999.</para>
/// <para>Extra involvement (years inclusive; open ends are the whole period): United States (2) in
/// Europe and the Middle East from 1898, Africa from 1946, Asia always; United Kingdom (200) and France
/// (220) everywhere; Netherlands (210) the Americas; Belgium (211) Africa; Spain (230) the Middle East to
/// 1936, Asia and the Americas; Portugal (235) Africa, Asia and the Americas; Germany (255) the Middle
/// East and Asia, Africa to 1945; West Germany (260) the Middle East and Asia; Austria-Hungary (300) the
/// Middle East to 1918; Italy (325) the Middle East 1860–1943 and Africa to 1943; Greece (350) the Middle
/// East from 1828; Russia (365) everywhere except 1901–1944; Turkey (640) Europe; China (710) Europe
/// from 1950 and Africa from 1946; Japan (740) Europe 1895–1945.</para>
/// <para>Relevant region of (i, j) (<i>The War Trap</i> pp. 97–98): their common home region; else j's
/// home region if i is involved in it; else i's home region.</para>
/// </remarks>
public static class BdmRegions
{
    /// <summary>Europe.</summary>
    public const int Europe = 0;

    /// <summary>The Middle East.</summary>
    public const int MiddleEast = 1;

    /// <summary>Africa.</summary>
    public const int Africa = 2;

    /// <summary>Asia and Oceania.</summary>
    public const int Asia = 3;

    /// <summary>The Americas.</summary>
    public const int Americas = 4;

    /// <summary>The number of regions.</summary>
    public const int Count = 5;

    private const int Always = int.MinValue;
    private const int Ever = int.MaxValue;

    private static readonly (int Ccode, int Region, int From, int To)[] Involvement =
    [
        (2, Europe, 1898, Ever), (2, MiddleEast, 1898, Ever), (2, Africa, 1946, Ever), (2, Asia, Always, Ever),
        (200, MiddleEast, Always, Ever), (200, Africa, Always, Ever), (200, Asia, Always, Ever), (200, Americas, Always, Ever),
        (210, Americas, Always, Ever),
        (211, Africa, Always, Ever),
        (220, MiddleEast, Always, Ever), (220, Africa, Always, Ever), (220, Asia, Always, Ever), (220, Americas, Always, Ever),
        (230, MiddleEast, Always, 1936), (230, Asia, Always, Ever), (230, Americas, Always, Ever),
        (235, Africa, Always, Ever), (235, Asia, Always, Ever), (235, Americas, Always, Ever),
        (255, MiddleEast, Always, Ever), (255, Africa, Always, 1945), (255, Asia, Always, Ever),
        (260, MiddleEast, Always, Ever), (260, Asia, Always, Ever),
        (300, MiddleEast, Always, 1918),
        (325, MiddleEast, 1860, 1943), (325, Africa, Always, 1943),
        (350, MiddleEast, 1828, Ever),
        (365, MiddleEast, Always, 1900), (365, Africa, Always, 1900), (365, Asia, Always, 1900), (365, Americas, Always, 1900),
        (365, MiddleEast, 1945, Ever), (365, Africa, 1945, Ever), (365, Asia, 1945, Ever), (365, Americas, 1945, Ever),
        (640, Europe, Always, Ever),
        (710, Europe, 1950, Ever), (710, Africa, 1946, Ever),
        (740, Europe, 1895, 1945),
    ];

    /// <summary>The home region of a COW state code.</summary>
    public static int Home(int ccode) => ccode switch
    {
        < 200 => Americas,
        < 400 => Europe,
        < 600 => Africa,
        < 700 => MiddleEast,
        _ => Asia,
    };

    /// <summary>Whether <paramref name="ccode"/> is involved in <paramref name="region"/> in <paramref name="year"/>: its home region, or one listed for it.</summary>
    public static bool IsInvolved(int ccode, int region, int year)
    {
        if (Home(ccode) == region)
        {
            return true;
        }

        foreach (var (code, where, from, to) in Involvement)
        {
            if (code == ccode && where == region && year >= from && year <= to)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The regions <paramref name="ccode"/> is involved in, as bits (1 &lt;&lt; region).</summary>
    public static int InvolvedMask(int ccode, int year)
    {
        var mask = 0;
        for (var r = 0; r < Count; r++)
        {
            mask |= IsInvolved(ccode, r, year) ? 1 << r : 0;
        }

        return mask;
    }

    /// <summary>The relevant region of the dyad (i, j).</summary>
    public static int Relevant(int i, int j, int year)
    {
        var (home, target) = (Home(i), Home(j));
        return home == target || IsInvolved(i, target, year) ? target : home;
    }
}
