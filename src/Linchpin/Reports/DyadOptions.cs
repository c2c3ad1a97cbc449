using Linchpin.Data;
using Linchpin.Games.ExpectedUtility;

namespace Linchpin.Reports;

/// <summary>The datasets joined to dyad-years and the expected-utility settings, as <c>linchpin dyads</c> names them.</summary>
public static class DyadOptions
{
    private static readonly (string Name, DyadJoins Join)[] JoinNames = [("atop", DyadJoins.Atop), ("nmc", DyadJoins.Nmc), ("gdp", DyadJoins.Gdp), ("eu", DyadJoins.Eu)];

    /// <summary>Reads a comma-separated list of <c>atop</c>, <c>nmc</c>, <c>gdp</c>, <c>eu</c> (or <c>none</c>).</summary>
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
                "eu" => DyadJoins.Eu,
                "none" => DyadJoins.None,
                _ => throw new LinchpinException($"--with: unknown dataset '{part}' (use atop, nmc, gdp, eu)"),
            };
        }

        return joins;
    }

    /// <summary>The joins as <see cref="ParseJoins"/> reads them: <c>atop,nmc</c>, or <c>none</c>.</summary>
    public static string Text(DyadJoins joins) =>
        joins == DyadJoins.None ? "none" : string.Join(",", JoinNames.Where(j => joins.HasFlag(j.Join)).Select(j => j.Name));

    /// <summary>
    /// The expected-utility settings of <c>--eu-reference</c> (<c>regional</c> or <c>systemic</c>) and
    /// <c>--eu-risk</c>: a number in [-1, 1] given to every state, or <c>computed</c> (each state's
    /// risk attitude from its alliance portfolio, as EUGene).
    /// </summary>
    /// <exception cref="LinchpinException">An unknown reference system, or a risk attitude that is neither in [-1, 1] nor <c>computed</c>.</exception>
    public static WarUtilityOptions ExpectedUtility(string reference, string risk)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(risk);
        var kind = reference.ToLowerInvariant() switch
        {
            "regional" => EuReference.Regional,
            "systemic" => EuReference.Systemic,
            _ => throw new LinchpinException($"--eu-reference: '{reference}' is not one of regional, systemic"),
        };
        if (risk.Trim().Equals("computed", StringComparison.OrdinalIgnoreCase))
        {
            return new WarUtilityOptions(kind, ComputedRisk: true);
        }

        return InputNumber.TryParse(risk.Trim(), out var value, out var problem, -1, 1)
            ? new WarUtilityOptions(kind, value)
            : throw new LinchpinException($"--eu-risk: {problem} (give a number in [-1, 1] or 'computed')");
    }
}
