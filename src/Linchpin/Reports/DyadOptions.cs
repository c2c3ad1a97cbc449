using Linchpin.Data;

namespace Linchpin.Reports;

/// <summary>The datasets joined to dyad-years, as <c>linchpin dyads --with</c> names them.</summary>
public static class DyadOptions
{
    private static readonly (string Name, DyadJoins Join)[] JoinNames = [("atop", DyadJoins.Atop), ("nmc", DyadJoins.Nmc), ("gdp", DyadJoins.Gdp)];

    /// <summary>Reads a comma-separated list of <c>atop</c>, <c>nmc</c>, <c>gdp</c> (or <c>none</c>).</summary>
    /// <exception cref="LinchpinException">An unknown name.</exception>
    public static DyadJoins ParseJoins(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var joins = DyadJoins.None;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            joins |= part.ToLowerInvariant() switch
            {
                "atop" => DyadJoins.Atop,
                "nmc" => DyadJoins.Nmc,
                "gdp" => DyadJoins.Gdp,
                "none" => DyadJoins.None,
                _ => throw new LinchpinException($"--with: unknown dataset '{part}' (use atop, nmc, gdp)"),
            };
        }

        return joins;
    }

    /// <summary>The joins as <see cref="ParseJoins"/> reads them: <c>atop,nmc</c>, or <c>none</c>.</summary>
    public static string Text(DyadJoins joins) =>
        joins == DyadJoins.None ? "none" : string.Join(",", JoinNames.Where(j => joins.HasFlag(j.Join)).Select(j => j.Name));
}
