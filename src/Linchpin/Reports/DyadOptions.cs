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

    /// <summary>The expected-utility settings of <c>--eu-reference</c> (<c>regional</c> or <c>systemic</c>) and <c>--eu-risk</c> (in [-1, 1]).</summary>
    /// <exception cref="LinchpinException">An unknown reference system or a risk attitude outside [-1, 1].</exception>
    public static WarUtilityOptions ExpectedUtility(string reference, double risk)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var kind = reference.ToLowerInvariant() switch
        {
            "regional" => EuReference.Regional,
            "systemic" => EuReference.Systemic,
            _ => throw new LinchpinException($"--eu-reference: '{reference}' is not one of regional, systemic"),
        };
        return risk is >= -1 and <= 1 ? new WarUtilityOptions(kind, risk) : throw new LinchpinException($"--eu-risk: must lie in [-1, 1], got {CsvOutput.Format(risk)}");
    }
}
