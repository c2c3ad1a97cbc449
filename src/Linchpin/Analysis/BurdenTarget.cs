namespace Linchpin.Analysis;

/// <summary>What a target is a share of.</summary>
public enum TargetKind
{
    /// <summary>Defence expenditure as a share of GDP.</summary>
    ShareOfGdp,

    /// <summary>Major equipment (incl. R&amp;D) as a share of defence expenditure.</summary>
    EquipmentShare,
}

/// <summary>How "meets the target" is decided.</summary>
public enum CountingRule
{
    /// <summary>On the value rounded to two decimals, as NATO prints it and counts (Denmark 2023 at 2.00 meets 2 %).</summary>
    Printed,

    /// <summary>On the unrounded value.</summary>
    Exact,
}

/// <summary>A NATO spending guideline.</summary>
/// <param name="Id">Short id used on the command line: <c>2</c>, <c>20</c> (equipment), <c>3.5</c>, <c>5</c>.</param>
/// <param name="Name">Name with its origin.</param>
/// <param name="Percent">The threshold, in percent.</param>
/// <param name="Kind">What it is a share of.</param>
/// <param name="Caveat">What the data cannot show about it, or <c>null</c>.</param>
public sealed record BurdenTarget(string Id, string Name, double Percent, TargetKind Kind, string? Caveat)
{
    /// <summary>2 % of GDP on defence (guideline of 2006; Wales Defence Investment Pledge, 2014).</summary>
    public static BurdenTarget Wales2 { get; } = new("2", "2% of GDP (Wales 2014)", 2, TargetKind.ShareOfGdp, null);

    /// <summary>20 % of defence expenditure on major equipment incl. R&amp;D (Wales 2014).</summary>
    public static BurdenTarget Equipment20 { get; } = new("20", "20% of defence spending on equipment (Wales 2014)", 20, TargetKind.EquipmentShare, null);

    /// <summary>3.5 % of GDP on core defence by 2035 (The Hague Summit Declaration, 2025).</summary>
    public static BurdenTarget HagueCore { get; } = new("3.5", "3.5% of GDP core defence (The Hague 2025, by 2035)", 3.5, TargetKind.ShareOfGdp, null);

    /// <summary>5 % of GDP: 3.5 % core plus up to 1.5 % defence- and security-related spending (The Hague, 2025).</summary>
    public static BurdenTarget HagueTotal { get; } = new("5", "5% of GDP incl. up to 1.5% related (The Hague 2025, by 2035)", 5, TargetKind.ShareOfGdp,
        "related (resilience, infrastructure) spending is not in the data, so the 5% gap counts NATO-defined defence spending only and overstates the gap by up to 1.5 points");

    /// <summary>All four, in the order above.</summary>
    public static IReadOnlyList<BurdenTarget> All { get; } = [Wales2, Equipment20, HagueCore, HagueTotal];

    /// <summary>Finds a target by <see cref="Id"/> (<c>2</c>, <c>20</c>, <c>3.5</c>, <c>5</c>).</summary>
    public static BurdenTarget Parse(string id) =>
        All.FirstOrDefault(t => t.Id == id?.Trim().TrimEnd('%'))
        ?? throw new LinchpinException($"unknown target '{id}': use one of {string.Join(", ", All.Select(t => t.Id))}");
}
