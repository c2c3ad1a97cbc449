using System.Globalization;

namespace Linchpin.Validation;

/// <summary>A uniform prior on one parameter.</summary>
/// <param name="Parameter">The parameter.</param>
/// <param name="Lower">Lower end.</param>
/// <param name="Upper">Upper end, ≥ <paramref name="Lower"/>.</param>
/// <param name="Source">Where the range comes from ("assumption" if judged).</param>
public sealed record Prior(ParameterInfo Parameter, double Lower, double Upper, string Source)
{
    /// <summary>The parameter's name.</summary>
    public string Name => Parameter.Name;

    /// <summary>The value at the unit-cube coordinate <paramref name="u"/> in [0, 1].</summary>
    public double At(double u) => Lower + (u * (Upper - Lower));

    /// <summary>The default prior of a parameter (its registry range and source).</summary>
    public static Prior Default(ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return new Prior(parameter, parameter.Lower, parameter.Upper, parameter.Source);
    }

    /// <summary>Validated prior: the name must be registered and the range ordered and finite.</summary>
    /// <param name="name">The parameter's scenario-file name.</param>
    /// <param name="lower">Lower end.</param>
    /// <param name="upper">Upper end.</param>
    /// <param name="source">Where the range comes from.</param>
    /// <param name="where">Where the prior was given, for messages (e.g. <c>priors.csv:3</c>).</param>
    /// <exception cref="LinchpinException">Unknown name, a non-finite end, or lower &gt; upper; the message names the field.</exception>
    public static Prior Create(string name, double lower, double upper, string source, string where)
    {
        var parameter = ParameterRegistry.Get(name, $"{where}: field 'parameter'");
        if (!double.IsFinite(lower) || !double.IsFinite(upper))
        {
            throw new LinchpinException($"{where}: field 'lower': the prior of '{name}' needs finite lower and upper ends");
        }

        return lower > upper
            ? throw new LinchpinException($"{where}: field 'lower': the prior of '{name}' has lower {lower.ToString(CultureInfo.InvariantCulture)} > upper {upper.ToString(CultureInfo.InvariantCulture)}")
            : new Prior(parameter, lower, upper, source);
    }
}

/// <summary>Reads and chooses priors.</summary>
public static class Priors
{
    /// <summary>The default priors of the named parameters (all parameters when <paramref name="names"/> is empty).</summary>
    /// <exception cref="LinchpinException">A name is not a parameter, or is given twice.</exception>
    public static IReadOnlyList<Prior> Defaults(IReadOnlyList<string> names, string field = "--parameters")
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
        {
            return [.. ParameterRegistry.All.Select(Prior.Default)];
        }

        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is not null
            ? throw new LinchpinException($"{field}: '{duplicate.Key}' is listed twice")
            : [.. names.Select(n => Prior.Default(ParameterRegistry.Get(n, field)))];
    }

    /// <summary>
    /// Parses a priors file: CSV with a header <c>parameter,lower,upper,source</c> and one prior per
    /// line (the source may be empty, read as "assumption").
    /// </summary>
    /// <param name="text">The file's text.</param>
    /// <param name="file">Its name, for messages (<c>FILE:LINE: field ...</c>).</param>
    /// <exception cref="LinchpinException">A malformed line, an unknown parameter, lower &gt; upper, or a parameter given twice.</exception>
    public static IReadOnlyList<Prior> Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || !lines[0].Trim().StartsWith("parameter,lower,upper", StringComparison.Ordinal))
        {
            throw new LinchpinException($"{file}:1: header: expected 'parameter,lower,upper,source'");
        }

        var priors = new List<Prior>();
        for (var k = 1; k < lines.Length; k++)
        {
            var line = lines[k].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split(',', 4);
            var where = $"{file}:{k + 1}";
            if (cells.Length < 3)
            {
                throw new LinchpinException($"{where}: expected parameter,lower,upper[,source]");
            }

            double Number(int i, string column) =>
                double.TryParse(cells[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                    ? v
                    : throw new LinchpinException($"{where}: field '{column}': '{cells[i].Trim()}' is not a number");
            var name = cells[0].Trim();
            var source = cells.Length > 3 && cells[3].Trim().Length > 0 ? cells[3].Trim().Trim('"') : "assumption";
            var prior = Prior.Create(name, Number(1, "lower"), Number(2, "upper"), source, where);
            if (priors.Any(p => p.Name == name))
            {
                throw new LinchpinException($"{where}: field 'parameter': '{name}' is given twice");
            }

            priors.Add(prior);
        }

        return priors.Count == 0 ? throw new LinchpinException($"{file}: no priors") : priors;
    }
}
